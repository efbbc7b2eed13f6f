using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Outlay.Api.Infrastructure;
using StackExchange.Redis;

namespace Outlay.Api.Notifications;

/// <summary>
/// The live feed: each new notification goes to the user's open streams on every instance. With Redis it is
/// published on <c>{InstanceName}notifications</c> and every instance, this one included, hands it to its own
/// listeners; without Redis, or while Redis cannot be reached, only this instance's listeners hear it (the
/// item is in the feed either way).
/// </summary>
public sealed partial class NotificationStream(RedisBroadcast broadcast, ILogger<NotificationStream> logger)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<NotificationResponse>, byte>> listeners = new();

    internal const string ChannelName = "notifications";

    /// <summary>A reader of the user's new notifications until <paramref name="stopped"/> fires.</summary>
    public ChannelReader<NotificationResponse> Listen(Guid userId, CancellationToken stopped)
    {
        // A client that stops reading loses the oldest live items, never the feed's; it reloads on reconnect.
        var channel = System.Threading.Channels.Channel.CreateBounded<NotificationResponse>(
            new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var mine = listeners.GetOrAdd(userId, _ => new());
        mine.TryAdd(channel, 0);
        stopped.Register(() =>
        {
            mine.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    public async Task PublishAsync(Guid userId, NotificationResponse notification)
    {
        // Through Redis every instance, this one included, hears it; without Redis (or while it is away), only this one.
        if (!await broadcast.PublishAsync(ChannelName, JsonSerializer.Serialize(new LiveNotification(userId, notification), JsonSerializerOptions.Web)))
        {
            Deliver(userId, notification);
        }
    }

    /// <summary>Hands a notification published by any instance to this instance's listeners.</summary>
    internal void Deliver(RedisValue message)
    {
        try
        {
            if (JsonSerializer.Deserialize<LiveNotification>(message.ToString(), JsonSerializerOptions.Web) is { } live)
            {
                Deliver(live.UserId, live.Notification);
            }
        }
        catch (JsonException exception)
        {
            LogUnreadable(logger, exception);
        }
    }

    private void Deliver(Guid userId, NotificationResponse notification)
    {
        if (listeners.TryGetValue(userId, out var mine))
        {
            foreach (var channel in mine.Keys)
            {
                channel.Writer.TryWrite(notification);
            }
        }
    }

    private sealed record LiveNotification(Guid UserId, NotificationResponse Notification);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable live notification from another instance")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
