using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// Removes cache entries here and on every other instance. HybridCache's in-memory level is per
/// process, so a removal is also published on a Redis channel that <see cref="CacheInvalidationListener"/>
/// applies elsewhere. Without Redis there is only this instance.
/// </summary>
public sealed class CacheInvalidator(HybridCache cache, IOptions<RedisOptions> redisOptions, IServiceProvider services)
{
    /// <summary>Identifies this process's messages, so it skips its own.</summary>
    internal string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        await cache.RemoveAsync(key, cancellationToken);
        await PublishAsync(new CacheInvalidation(InstanceId, Key: key, Tag: null));
    }

    public async Task RemoveByTagAsync(string tag, CancellationToken cancellationToken = default)
    {
        await cache.RemoveByTagAsync(tag, cancellationToken);
        await PublishAsync(new CacheInvalidation(InstanceId, Key: null, Tag: tag));
    }

    internal static RedisChannel Channel(RedisOptions options) =>
        RedisChannel.Literal(options.InstanceName + "cache-invalidation");

    private async Task PublishAsync(CacheInvalidation message)
    {
        if (!redisOptions.Value.IsConfigured)
        {
            return;
        }

        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        await redis.GetSubscriber().PublishAsync(Channel(redisOptions.Value), System.Text.Json.JsonSerializer.Serialize(message));
    }
}

internal sealed record CacheInvalidation(string Origin, string? Key, string? Tag);
