using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Notifications;

/// <summary>
/// Meta's webhook events for the WhatsApp number: checked against <c>X-Hub-Signature-256</c> on the raw body (403
/// when it does not match, nothing changed), then each status moves its delivery on (sent → delivered → read) or
/// fails it. Meta delivers at least once and in any order; a repeated or late status never moves a delivery back.
/// Incoming messages are acknowledged and otherwise left alone.
/// </summary>
public static partial class ReceiveWhatsAppEvents
{
    public const string Path = "/api/v1/webhooks/whatsapp";

    /// <summary>Meta batches events, but a post stays far below this.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<Results<Ok, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        OutlayDbContext db,
        UnreachableChannels unreachable,
        IOptions<MetaOptions> meta,
        TimeProvider clock,
        ILogger<NotificationDelivery> logger,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(meta.Value.AppSecret))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "WhatsApp webhooks are not configured on this server.");
        }

        if (await ReadAtMostAsync(request.Body, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.", detail: $"This endpoint accepts at most {MaxBodyBytes} bytes.");
        }

        if (!MetaSignature.IsValid(meta.Value.AppSecret, body, request.Headers["X-Hub-Signature-256"]))
        {
            LogBadSignature(logger);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The X-Hub-Signature-256 header does not match the body.");
        }

        WebhookPost? post;
        try
        {
            post = JsonSerializer.Deserialize<WebhookPost>(body, Json);
        }
        catch (JsonException)
        {
            post = null;
        }

        if (post is not { Object: "whatsapp_business_account" })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a WhatsApp Business Account event.");
        }

        var statuses = (post.Entry ?? []).SelectMany(e => e.Changes ?? []).Where(c => c.Field == "messages").SelectMany(c => c.Value?.Statuses ?? []);
        var notRecordedYet = false;
        foreach (var status in statuses)
        {
            notRecordedYet |= !await ApplyAsync(db, unreachable, status, clock.GetUtcNow(), cancellationToken);
        }

        // Meta posts again when it gets no 200; the statuses already applied are not applied twice.
        return notRecordedYet
            ? TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "A message in this event is still being recorded.", detail: "Send the event again.")
            : TypedResults.Ok();
    }

    /// <summary>Applies one status; false when it is about a message whose send Outlay has not recorded yet.</summary>
    private static async Task<bool> ApplyAsync(OutlayDbContext db, UnreachableChannels unreachable, StatusEvent status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reported = status.Status switch
        {
            "sent" => DeliveryStatuses.Sent,
            "delivered" => DeliveryStatuses.Delivered,
            "read" => DeliveryStatuses.Read,
            "failed" => DeliveryStatuses.Failed,
            _ => null,
        };
        if (reported is null || string.IsNullOrEmpty(status.Id))
        {
            return true;
        }

        var deliveries = db.Set<NotificationDelivery>();
        var delivery = await deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.ProviderMessageId == status.Id, cancellationToken);
        if (delivery is null)
        {
            // Meta can report on a message before the dispatcher has stored its id; our callback data names the delivery.
            return !Guid.TryParse(status.BizOpaqueCallbackData, out var id)
                || !await deliveries.AnyAsync(d => d.Id == id && d.Status == DeliveryStatuses.Queued && d.ProviderMessageId == null, cancellationToken);
        }

        // A queued delivery that has a message id is being sent again as a template, so this is about the earlier
        // message; a failed one is settled.
        if (delivery.Status is DeliveryStatuses.Queued or DeliveryStatuses.Failed)
        {
            return true;
        }

        var error = status.Errors?.FirstOrDefault();
        var code = error?.Code.ToString(CultureInfo.InvariantCulture);
        var rows = deliveries.Where(d => d.Id == delivery.Id && d.Status == delivery.Status && d.ProviderMessageId == status.Id);
        if (reported == DeliveryStatuses.Failed && code == MetaWhatsApp.OutsideWindow && !delivery.SendAsTemplate)
        {
            // The text was accepted, then could not be delivered outside the 24-hour window: the same delivery goes
            // out again as the kind's template. The flag is set once, so a repeated event resends nothing.
            await rows.Where(d => !d.SendAsTemplate).ExecuteUpdateAsync(
                set => set.SetProperty(d => d.Status, DeliveryStatuses.Queued).SetProperty(d => d.SendAsTemplate, true)
                    .SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(d => d.Error, $"{code}: outside the 24-hour window; sending the approved template instead.").SetProperty(d => d.UpdatedAt, now),
                cancellationToken);
            return true;
        }

        if (!DeliveryStatuses.Advances(delivery.Status, reported))
        {
            return true;
        }

        if (reported != DeliveryStatuses.Failed)
        {
            await rows.ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, reported).SetProperty(d => d.UpdatedAt, now), cancellationToken);
            return true;
        }

        var why = $"{code ?? "unknown"}: {error?.Title ?? "WhatsApp could not deliver the message."}";
        var failed = await rows.ExecuteUpdateAsync(
            set => set.SetProperty(d => d.Status, reported).SetProperty(d => d.Error, why.Length > 500 ? why[..500] : why).SetProperty(d => d.UpdatedAt, now),
            cancellationToken);
        if (failed == 1 && UnreachableChannels.IsSignalledBy(code))
        {
            await unreachable.TurnOffAsync(db, delivery.UserId, delivery.Channel, code, error?.Title, now, cancellationToken);
        }

        return true;
    }

    /// <summary>The body, or null when it is longer than the limit (a body without a declared length is not trusted either).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private sealed record WebhookPost(string? Object, List<WebhookEntry>? Entry);

    private sealed record WebhookEntry(List<WebhookChange>? Changes);

    private sealed record WebhookChange(string? Field, WebhookValue? Value);

    private sealed record WebhookValue(List<StatusEvent>? Statuses);

    private sealed record StatusEvent(string? Id, string? Status, string? BizOpaqueCallbackData, List<StatusError>? Errors);

    private sealed record StatusError(int Code, string? Title);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a WhatsApp webhook event with a missing or wrong signature")]
    private static partial void LogBadSignature(ILogger logger);
}
