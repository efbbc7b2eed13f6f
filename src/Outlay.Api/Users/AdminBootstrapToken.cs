namespace Outlay.Api.Users;

/// <summary>A one-time secret that makes its redeemer the first admin. Only the SHA-256 hash is stored.</summary>
public sealed class AdminBootstrapToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required byte[] TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RedeemedAt { get; set; }

    public Guid? RedeemedBy { get; set; }
}
