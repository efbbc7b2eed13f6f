namespace Outlay.Api.Auth;

/// <summary>One refresh token of a session family. Only the SHA-256 hash of the token is stored.</summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required byte[] TokenHash { get; set; }

    /// <summary>Every rotation of one sign-in shares the family; reuse of a rotated token revokes them all.</summary>
    public Guid FamilyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the family's first token was issued: the session's sign-in time.</summary>
    public DateTimeOffset SessionStartedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RotatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? UserAgent { get; set; }
}
