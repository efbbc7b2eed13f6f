namespace Outlay.Api.Notifications;

/// <summary>Where a notification can go: the feed always, a phone when this server has a provider for it.</summary>
public static class NotificationChannels
{
    public const string InApp = "inApp";
    public const string Sms = "sms";
    public const string WhatsApp = "whatsapp";

    /// <summary>The channels a phone number is verified for.</summary>
    public static readonly IReadOnlyList<string> Phone = [Sms, WhatsApp];
}
