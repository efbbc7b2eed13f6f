using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Notifications.Channels;

/// <summary>
/// Meta's WhatsApp Cloud API (section <c>Outlay:Notifications:Meta</c>), used when <c>WhatsAppProvider</c> is
/// <c>Meta</c>; without a phone number id and an access token there is no WhatsApp.
/// </summary>
public sealed class MetaOptions
{
    public const string SectionName = "Outlay:Notifications:Meta";

    [Url]
    public string BaseUrl { get; set; } = "https://graph.facebook.com";

    [RegularExpression(@"^v\d+\.\d+$")]
    public string ApiVersion { get; set; } = "v21.0";

    /// <summary>The id Meta gives the business phone number (not the number itself).</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>A system user's token with the <c>whatsapp_business_messaging</c> permission, sent as a bearer token.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The Meta app's secret: the key of the <c>X-Hub-Signature-256</c> HMAC on webhook events.</summary>
    public string? AppSecret { get; set; }

    /// <summary>A string of the operator's choosing, entered in Meta's webhook set-up and echoed in its handshake.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>
    /// Approved templates by notification kind, sent when the 24-hour window is closed: the body takes two parameters,
    /// {{1}} the notification's title and {{2}} its message. <c>phoneVerification</c> carries codes, with the code as {{1}}.
    /// </summary>
    public Dictionary<string, MetaTemplateOptions> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    public bool CanSend => !string.IsNullOrWhiteSpace(PhoneNumberId) && !string.IsNullOrWhiteSpace(AccessToken);

    public MetaTemplateOptions? TemplateFor(string kind) =>
        Templates.TryGetValue(kind, out var template) && !string.IsNullOrWhiteSpace(template.Name) ? template : null;
}
