namespace Outlay.Api.Sms;

/// <summary>A long-lived token that can only post SMS for its user. Only the SHA-256 hash of the secret is stored.</summary>
public sealed class SmsIngestToken
{
    public const int MaxNameLength = 64;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required byte[] TokenHash { get; set; }

    public string? Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
