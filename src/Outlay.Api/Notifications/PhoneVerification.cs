namespace Outlay.Api.Notifications;

/// <summary>A code sent to prove a phone number for one channel; the latest request replaces the one before.</summary>
public sealed class PhoneVerification
{
    public Guid UserId { get; set; }

    public required string Channel { get; set; }

    /// <summary>E.164.</summary>
    public required string Phone { get; set; }

    /// <summary>SHA-256 of the code with the user and channel; the code itself is never stored or logged.</summary>
    public required byte[] CodeHash { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }
}
