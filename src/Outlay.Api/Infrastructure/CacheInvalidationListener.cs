using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// Applies removals published by other instances to this instance's cache. Subscribing retries in the
/// background, so the server starts (and reports Redis in /health/ready) while Redis is down.
/// </summary>
public sealed partial class CacheInvalidationListener(
    IConnectionMultiplexer redis, HybridCache cache, CacheInvalidator invalidator, IOptions<RedisOptions> options, ILogger<CacheInvalidationListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channel = CacheInvalidator.Channel(options.Value);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Once subscribed, the client re-subscribes by itself after a reconnect.
                await redis.GetSubscriber().SubscribeAsync(channel, (_, value) => ApplyAsync(value).ConfigureAwait(false));
                return;
            }
            catch (RedisException exception)
            {
                LogSubscribeFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private async Task ApplyAsync(RedisValue value)
    {
        try
        {
            var message = JsonSerializer.Deserialize<CacheInvalidation>(value.ToString());
            if (message is null || message.Origin == invalidator.InstanceId)
            {
                return;
            }

            if (message.Key is { } key)
            {
                await cache.RemoveAsync(key);
            }

            if (message.Tag is { } tag)
            {
                await cache.RemoveByTagAsync(tag);
            }
        }
        catch (Exception exception) when (exception is JsonException or RedisException)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply a cache invalidation from another instance")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to cache invalidations; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
