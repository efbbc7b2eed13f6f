using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Notifications;

/// <summary>
/// Twilio's webhook for messages people send to Outlay's number, checked against <c>X-Twilio-Signature</c> (403
/// when it does not match). An opt-out word (STOP and the others Twilio honours) turns that channel off for
/// whoever verified the number, and tells them in the feed: Twilio would refuse every further message anyway.
/// Anything else is acknowledged and dropped. The answer is empty TwiML, so Twilio sends no reply of its own.
/// </summary>
public static partial class ReceiveTwilioInbound
{
    public const string Path = "/api/v1/webhooks/twilio/inbound";

    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private static readonly HashSet<string> OptOutWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE",
    };

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        OutlayDbContext db,
        UnreachableChannels unreachable,
        IOptions<TwilioOptions> twilio,
        IOptions<NotificationOptions> options,
        TimeProvider clock,
        ILogger<NotificationDelivery> logger,
        CancellationToken cancellationToken)
    {
        var (check, form) = await TwilioWebhookForm.ReadAsync(request, Path, twilio.Value, options.Value, cancellationToken);
        if (check == TwilioWebhookCheck.NotConfigured)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Incoming messages are not configured on this server.");
        }

        if (check == TwilioWebhookCheck.BadSignature)
        {
            LogBadSignature(logger);
            return TypedResults.Forbid();
        }

        var from = form["From"].ToString();
        if (OptOutWords.Contains(form["Body"].ToString().Trim()) && from.Length > 0)
        {
            var (channel, phone) = from.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase)
                ? (NotificationChannels.WhatsApp, from["whatsapp:".Length..])
                : (NotificationChannels.Sms, from);
            var users = await db.Set<NotificationPreferences>().AsNoTracking()
                .Where(p => channel == NotificationChannels.Sms ? p.SmsPhone == phone : p.WhatsAppPhone == phone)
                .Select(p => p.UserId)
                .ToListAsync(cancellationToken);
            foreach (var userId in users)
            {
                await unreachable.TurnOffAsync(db, userId, channel, "optOut", "you replied STOP", clock.GetUtcNow(), cancellationToken);
            }

            LogOptedOut(logger, channel, users.Count);
        }

        return TypedResults.Text(EmptyTwiml, "text/xml");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Twilio inbound message with a wrong signature")]
    private static partial void LogBadSignature(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Channel} opt-out turned the channel off for {Users} user(s)")]
    private static partial void LogOptedOut(ILogger logger, string channel, int users);
}
