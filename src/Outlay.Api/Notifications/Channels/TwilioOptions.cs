using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Notifications.Channels;

/// <summary>Twilio's Messaging API (section <c>Outlay:Notifications:Twilio</c>); unset = no SMS.</summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Outlay:Notifications:Twilio";

    [Url]
    public string BaseUrl { get; set; } = "https://api.twilio.com";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>The sending number (E.164); or give <see cref="MessagingServiceSid"/>.</summary>
    public string? SmsFrom { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>A Twilio WhatsApp sender (E.164), used when <c>Outlay:Notifications:WhatsAppProvider</c> is <c>Twilio</c>.</summary>
    public string? WhatsAppFrom { get; set; }

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    public bool HasCredentials => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);

    public bool CanSendSms => HasCredentials && (!string.IsNullOrWhiteSpace(SmsFrom) || !string.IsNullOrWhiteSpace(MessagingServiceSid));

    public bool CanSendWhatsApp => HasCredentials && !string.IsNullOrWhiteSpace(WhatsAppFrom);
}
