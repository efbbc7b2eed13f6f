namespace Outlay.Api.Sms;

/// <summary>A user's consent to SMS ingestion: one row per user, absent until they first change it.</summary>
public sealed class SmsSettings
{
    public Guid UserId { get; set; }

    public bool IsEnabled { get; set; }

    /// <summary>When the user last turned ingestion on; null while it is off.</summary>
    public DateTimeOffset? ConsentedAt { get; set; }

    public bool KeepMessageBodies { get; set; }

    /// <summary>Written by every ingestion: the update also serialises one user's concurrent ingestions.</summary>
    public DateTimeOffset? LastIngestedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
