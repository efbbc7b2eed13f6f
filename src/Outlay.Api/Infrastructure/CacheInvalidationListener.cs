using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Outlay.Api.Infrastructure;

/// <summary>Applies removals published by other instances to this instance's cache.</summary>
public sealed partial class CacheInvalidationListener(
    IConnectionMultiplexer redis, HybridCache cache, CacheInvalidator invalidator, IOptions<RedisOptions> options, ILogger<CacheInvalidationListener> logger)
    : RedisChannelListener(redis, logger)
{
    protected override RedisChannel Channel => RedisBroadcast.Channel(options.Value, CacheInvalidator.ChannelName);

    protected override async Task OnMessageAsync(RedisValue message)
    {
        try
        {
            var invalidation = JsonSerializer.Deserialize<CacheInvalidation>(message.ToString());
            if (invalidation is null || invalidation.Origin == invalidator.InstanceId)
            {
                return;
            }

            if (invalidation.Key is { } key)
            {
                await cache.RemoveAsync(key);
            }

            if (invalidation.Tag is { } tag)
            {
                await cache.RemoveByTagAsync(tag);
            }
        }
        catch (Exception exception) when (exception is JsonException or RedisException or TimeoutException)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply a cache invalidation from another instance")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
