using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Notifications;

/// <summary>
/// Twilio's status callback for a message Outlay sent: checked against <c>X-Twilio-Signature</c> (403 when it
/// does not match), then the delivery moves on (sent → delivered → read) or fails with Twilio's error code.
/// A late or repeated callback never moves a delivery back.
/// </summary>
public static partial class ReceiveTwilioStatus
{
    public const string Path = "/api/v1/webhooks/twilio/status";

    public static async Task<Results<NoContent, ForbidHttpResult, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        OutlayDbContext db,
        IOptions<TwilioOptions> twilio,
        IOptions<NotificationOptions> options,
        TimeProvider clock,
        ILogger<NotificationDelivery> logger,
        CancellationToken cancellationToken)
    {
        var (check, form) = await TwilioWebhookForm.ReadAsync(request, Path, twilio.Value, options.Value, cancellationToken);
        if (check == TwilioWebhookCheck.NotConfigured)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Status callbacks are not configured on this server.");
        }

        if (check == TwilioWebhookCheck.BadSignature)
        {
            LogBadSignature(logger);
            return TypedResults.Forbid();
        }

        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString() switch
        {
            "sent" => DeliveryStatuses.Sent,
            "delivered" => DeliveryStatuses.Delivered,
            "read" => DeliveryStatuses.Read,
            "failed" or "undelivered" => DeliveryStatuses.Failed,
            _ => null,
        };
        if (status is null || string.IsNullOrEmpty(sid))
        {
            return TypedResults.NoContent();
        }

        var delivery = await db.Set<NotificationDelivery>().SingleOrDefaultAsync(d => d.ProviderMessageId == sid, cancellationToken);
        if (delivery is null || !DeliveryStatuses.Advances(delivery.Status, status))
        {
            return TypedResults.NoContent();
        }

        delivery.Status = status;
        if (status == DeliveryStatuses.Failed)
        {
            delivery.Error = $"{form["ErrorCode"]}: the provider could not deliver the message.";
        }

        delivery.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Twilio status callback with a wrong signature")]
    private static partial void LogBadSignature(ILogger logger);
}
