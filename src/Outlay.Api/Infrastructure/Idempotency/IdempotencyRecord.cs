namespace Outlay.Api.Infrastructure.Idempotency;

/// <summary>The first answer to a POST sent with an Idempotency-Key, kept to replay it to retries.</summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path and body: the same key with another request is refused.</summary>
    public required byte[] RequestHash { get; set; }

    /// <summary>0 while the first request is still running.</summary>
    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public byte[]? Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
