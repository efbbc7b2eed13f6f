using Microsoft.Extensions.Options;
using Outlay.Api.Settings;

namespace Outlay.Api.Notifications.Channels;

/// <summary>
/// The phone channels this server can deliver on now (a provider is configured, and an admin has not switched the
/// channel off at run time with <c>notificationChannels</c>), and the one way to send on them.
/// </summary>
public sealed class PhoneMessaging(
    TwilioMessages twilio,
    MetaWhatsApp meta,
    IOptions<TwilioOptions> twilioOptions,
    IOptions<MetaOptions> metaOptions,
    IOptions<NotificationOptions> options,
    SettingsStore runtimeSettings)
{
    public bool IsAvailable(string channel) => channel switch
    {
        NotificationChannels.Sms => twilioOptions.Value.CanSendSms && runtimeSettings.Current.NotificationChannels.Sms,
        NotificationChannels.WhatsApp => (WhatsAppThroughMeta ? metaOptions.Value.CanSend : twilioOptions.Value.CanSendWhatsApp)
            && runtimeSettings.Current.NotificationChannels.Whatsapp,
        _ => false,
    };

    /// <summary>The feed, then every phone channel with a provider.</summary>
    public IReadOnlyList<string> Available() => [NotificationChannels.InApp, .. NotificationChannels.Phone.Where(IsAvailable)];

    public Task<SendResult> SendAsync(PhoneMessage message, CancellationToken cancellationToken) =>
        message.Channel == NotificationChannels.WhatsApp && WhatsAppThroughMeta
            ? meta.SendAsync(message, cancellationToken)
            : twilio.SendAsync(message.Channel, message.To, message.Body, cancellationToken);

    private bool WhatsAppThroughMeta => options.Value.WhatsAppProvider == WhatsAppProvider.Meta;
}
