using Microsoft.Extensions.Options;

namespace Outlay.Api.Notifications.Channels;

/// <summary>The phone channels this server has a provider for, and the one way to send on them.</summary>
public sealed class PhoneMessaging(TwilioMessages twilio, IOptions<TwilioOptions> twilioOptions, IOptions<NotificationOptions> options)
{
    public bool IsAvailable(string channel) => channel switch
    {
        NotificationChannels.Sms => twilioOptions.Value.CanSendSms,
        NotificationChannels.WhatsApp => options.Value.WhatsAppProvider == WhatsAppProvider.Twilio && twilioOptions.Value.CanSendWhatsApp,
        _ => false,
    };

    /// <summary>The feed, then every phone channel with a provider.</summary>
    public IReadOnlyList<string> Available() => [NotificationChannels.InApp, .. NotificationChannels.Phone.Where(IsAvailable)];

    public Task<SendResult> SendAsync(PhoneMessage message, CancellationToken cancellationToken) =>
        twilio.SendAsync(message.Channel, message.To, message.Body, cancellationToken);
}
