namespace Outlay.Api.Sms;

/// <summary>One SMS a forwarder posted, and what became of it.</summary>
public sealed class SmsMessage
{
    public const int MaxSenderLength = 64;
    public const int MaxReasonLength = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string? Sender { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public SmsMessageStatus Status { get; set; }

    public string? IgnoredReason { get; set; }

    /// <summary>SHA-256 of user, normalised sender and body; unique per user, so a re-sent SMS cannot be stored twice.</summary>
    public required byte[] Fingerprint { get; set; }

    /// <summary>The expense it created, or the one it duplicates.</summary>
    public Guid? ExpenseId { get; set; }

    /// <summary>The body encrypted with Data Protection (purpose <see cref="SmsBodyProtector.Purpose"/>); null once deleted or never kept.</summary>
    public string? ProtectedBody { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
