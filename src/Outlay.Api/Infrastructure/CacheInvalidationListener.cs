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
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private bool subscribed;

    /// <summary>
    /// Subscribes before the server takes requests: an instance that cached a report before it heard of
    /// removals would serve that report stale until it expires.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        subscribed = await TrySubscribeAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!subscribed)
        {
            await Task.Delay(RetryInterval, stoppingToken);
            subscribed = await TrySubscribeAsync();
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        try
        {
            // Once subscribed, the client re-subscribes by itself after a reconnect.
            await redis.GetSubscriber().SubscribeAsync(CacheInvalidator.Channel(options.Value), (_, value) => ApplyAsync(value).ConfigureAwait(false));
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, exception);
            return false;
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
        catch (Exception exception) when (exception is JsonException or RedisException or TimeoutException)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply a cache invalidation from another instance")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to cache invalidations; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
