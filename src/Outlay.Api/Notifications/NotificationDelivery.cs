namespace Outlay.Api.Notifications;

/// <summary>
/// One notification on one phone channel: the outbox row, written in the same transaction as the
/// notification, that <see cref="DeliveryDispatcher"/> sends, retries and records.
/// </summary>
public sealed class NotificationDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid NotificationId { get; set; }

    public Guid UserId { get; set; }

    public required string Channel { get; set; }

    /// <summary>The verified number at the time the notification was made (E.164).</summary>
    public required string To { get; set; }

    public required string Body { get; set; }

    /// <summary>One of <see cref="DeliveryStatuses"/>.</summary>
    public string Status { get; set; } = DeliveryStatuses.Queued;

    public int Attempts { get; set; }

    /// <summary>When the next send may be tried: after a retry's pause, or when the user's quiet hours end.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Until when the instance that claimed it may send it; a lost instance's claim runs out.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public string? ProviderMessageId { get; set; }

    /// <summary>
    /// Send the kind's approved template rather than the text: WhatsApp accepted the text, then reported that the
    /// person's 24-hour window was closed. Set once, so a delivery falls back to a template at most once.
    /// </summary>
    public bool SendAsTemplate { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public static class DeliveryStatuses
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";

    private static readonly string[] Progress = [Queued, Sent, Delivered, Read];

    /// <summary>
    /// Whether a provider's report moves a delivery on: forwards along queued → sent → delivered → read, or to failed
    /// from anything but failed. Reports come late, twice or out of order; none of them moves a delivery back.
    /// </summary>
    public static bool Advances(string current, string reported) =>
        current != Failed && (reported == Failed || Array.IndexOf(Progress, reported) > Array.IndexOf(Progress, current));
}
