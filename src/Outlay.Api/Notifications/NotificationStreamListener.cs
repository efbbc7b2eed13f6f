using Microsoft.Extensions.Options;
using Outlay.Api.Infrastructure;
using StackExchange.Redis;

namespace Outlay.Api.Notifications;

/// <summary>Feeds <see cref="NotificationStream"/> from the Redis channel every instance publishes on.</summary>
public sealed class NotificationStreamListener(
    IConnectionMultiplexer redis, NotificationStream stream, IOptions<RedisOptions> options, ILogger<NotificationStreamListener> logger)
    : RedisChannelListener(redis, logger)
{
    protected override RedisChannel Channel => RedisBroadcast.Channel(options.Value, NotificationStream.ChannelName);

    protected override Task OnMessageAsync(RedisValue message)
    {
        stream.Deliver(message);
        return Task.CompletedTask;
    }
}
