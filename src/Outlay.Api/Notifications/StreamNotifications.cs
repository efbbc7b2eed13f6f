using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;

namespace Outlay.Api.Notifications;

/// <summary>
/// Server-Sent Events: one <c>notification</c> event per new item, from whichever instance created it, until the
/// client goes away. A browser's EventSource reconnects by itself when a proxy closes an idle stream.
/// </summary>
public static class StreamNotifications
{
    public static async Task HandleAsync(CurrentUser me, NotificationStream stream, IOptions<JsonOptions> json, HttpContext http)
    {
        // Listening before the headers go out: whatever is created once the client sees them reaches it.
        var reader = stream.Listen(me.Id, http.RequestAborted);
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        // Buffering proxies (nginx) would hold events back until a buffer fills.
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        // The headers go out now rather than with the first event, so the client knows at once that it is connected.
        await response.Body.FlushAsync(http.RequestAborted);
        try
        {
            await SseFormatter.WriteAsync(
                EventsAsync(reader),
                response.Body,
                (item, writer) =>
                {
                    using var jsonWriter = new Utf8JsonWriter(writer);
                    JsonSerializer.Serialize(jsonWriter, item.Data, json.Value.SerializerOptions);
                },
                http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: the normal end of a stream.
        }
    }

    private static async IAsyncEnumerable<SseItem<NotificationResponse>> EventsAsync(ChannelReader<NotificationResponse> reader)
    {
        // The reader completes when the client goes away.
        await foreach (var notification in reader.ReadAllAsync())
        {
            yield return new SseItem<NotificationResponse>(notification, "notification") { EventId = notification.Id.ToString() };
        }
    }
}
