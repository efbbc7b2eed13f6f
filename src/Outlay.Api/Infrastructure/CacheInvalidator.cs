using Microsoft.Extensions.Caching.Hybrid;
using StackExchange.Redis;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// Removes cache entries here and on every other instance. HybridCache's in-memory level is per
/// process, so a removal is also published on a Redis channel that <see cref="CacheInvalidationListener"/>
/// applies elsewhere. Without Redis there is only this instance. A removal follows a write that is committed
/// already, so Redis being away never fails it: this instance's entries are gone either way, and the others
/// keep theirs until they expire.
/// </summary>
public sealed partial class CacheInvalidator(HybridCache cache, RedisBroadcast broadcast, ILogger<CacheInvalidator> logger)
{
    internal const string ChannelName = "cache-invalidation";

    /// <summary>Identifies this process's messages, so it skips its own.</summary>
    internal string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        await RemoveHereAsync(() => cache.RemoveAsync(key, cancellationToken));
        await PublishAsync(new CacheInvalidation(InstanceId, Key: key, Tag: null));
    }

    public async Task RemoveByTagAsync(string tag, CancellationToken cancellationToken = default)
    {
        await RemoveHereAsync(() => cache.RemoveByTagAsync(tag, cancellationToken));
        await PublishAsync(new CacheInvalidation(InstanceId, Key: null, Tag: tag));
    }

    // HybridCache forgets the entry in memory first, then tells its Redis level; only that second step can fail.
    private async Task RemoveHereAsync(Func<ValueTask> remove)
    {
        try
        {
            await remove();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogSecondLevelUnreachable(logger, exception);
        }
    }

    private Task PublishAsync(CacheInvalidation message) => broadcast.PublishAsync(ChannelName, System.Text.Json.JsonSerializer.Serialize(message));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove a cache entry from Redis; this instance forgot it, the others keep it until it expires")]
    private static partial void LogSecondLevelUnreachable(ILogger logger, Exception exception);
}

internal sealed record CacheInvalidation(string Origin, string? Key, string? Tag);
