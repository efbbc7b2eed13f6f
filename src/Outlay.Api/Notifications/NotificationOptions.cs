using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Notifications;

/// <summary>When alerts fire (section <c>Outlay:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Outlay:Notifications";

    /// <summary>
    /// How much of a budget's period (in percent) must have passed before a projection can raise a risk alert:
    /// a projection from the first days of a month says more about rent day than about the month.
    /// </summary>
    [Range(1, 100)]
    public int RiskAfterPercentOfPeriod { get; set; } = 30;

    /// <summary>Outlay's public URL (https://outlay.example.com): where providers send status callbacks. Unset: no callbacks.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>The absolute callback URL of <paramref name="path"/>, or null without <see cref="PublicBaseUrl"/>.</summary>
    public string? StatusCallbackUrl(string path) => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>
    /// Who carries WhatsApp messages: Meta's Cloud API (<c>Outlay:Notifications:Meta</c>) or a Twilio WhatsApp sender
    /// (<c>Outlay:Notifications:Twilio:WhatsAppFrom</c>). WhatsApp is available when the chosen one is configured.
    /// </summary>
    public WhatsAppProvider WhatsAppProvider { get; set; } = WhatsAppProvider.Meta;

    /// <summary>How long a phone verification code stays valid.</summary>
    [Range(1, 60)]
    public int VerificationCodeMinutes { get; set; } = 10;

    /// <summary>Wrong codes allowed before the code is spent and a new one must be asked for.</summary>
    [Range(1, 20)]
    public int VerificationMaxAttempts { get; set; } = 5;

    /// <summary>The shortest wait between two codes for one channel.</summary>
    [Range(0, 3600)]
    public int VerificationResendSeconds { get; set; } = 30;

    /// <summary>Whether this instance sends SMS and WhatsApp messages; one that does not still queues them for the others.</summary>
    public bool DispatchEnabled { get; set; } = true;

    /// <summary>How often each instance looks for SMS and WhatsApp messages to send.</summary>
    [Range(50, 60_000)]
    public int DispatchIntervalMilliseconds { get; set; } = 2000;

    /// <summary>
    /// Whether this instance sends the scheduled notifications that are due: daily reminders, digests and upcoming
    /// payments (any one instance is enough; several are safe).
    /// </summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often each instance looks for scheduled notifications that are due; one is at most this late.</summary>
    [Range(1, 3600)]
    public int SchedulerIntervalSeconds { get; set; } = 30;

    /// <summary>The local time of day of the week and month digests (on the new period's first day) and of upcoming-payment reminders (the day before).</summary>
    public TimeOnly DigestTime { get; set; } = new(9, 0);

    /// <summary>How long an instance's claim on a message lasts; a lost instance's messages are sent by another after it.</summary>
    [Range(5, 3600)]
    public int DeliveryLeaseSeconds { get; set; } = 60;

    /// <summary>Quick retries within one send when a provider answers 429 or 5xx (0: none; the outbox retries anyway).</summary>
    [Range(0, 5)]
    public int ProviderRetries { get; set; } = 2;

    /// <summary>The first pause of those quick retries; it doubles, with jitter.</summary>
    [Range(1, 10_000)]
    public int ProviderRetryDelayMilliseconds { get; set; } = 500;

    /// <summary>The pause after the first failed send; it doubles with each further failure.</summary>
    [Range(0, 3600)]
    public double RetryFirstDelaySeconds { get; set; } = 30;

    [Range(0, 86_400)]
    public double RetryMaxDelaySeconds { get; set; } = 900;

    /// <summary>Sends tried before a message is marked failed; the defaults cover a provider outage of about 2 hours.</summary>
    [Range(1, 100)]
    public int MaxDeliveryAttempts { get; set; } = 12;
}

public enum WhatsAppProvider
{
    Meta,
    Twilio,
}
