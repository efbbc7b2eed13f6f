using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Outlay.Api.Auth;

/// <summary>
/// A fixed window counted in Redis, so every instance shares one limit. While Redis cannot be reached the
/// window is counted in this process instead: the limit is as loose as it is without Redis, never absent.
/// </summary>
internal sealed class RedisFixedWindowRateLimiter(
    IConnectionMultiplexer redis,
    RedisKey key,
    int permitLimit,
    TimeSpan window,
    Action<Exception?> onFallback) : RateLimiter
{
    // The count and the expiry in one step, so a crash between them cannot leave a counter that never expires.
    private const string CountScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return { count, ttl }
        """;

    private static readonly RateLimitLease Acquired = new WindowLease(isAcquired: true, retryAfter: null);
    private static readonly RateLimitLease NotAttempted = new WindowLease(isAcquired: false, retryAfter: null);

    private readonly Lazy<FixedWindowRateLimiter> fallback = new(() => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
    {
        PermitLimit = permitLimit,
        Window = window,
        QueueLimit = 0,
    }));

    private long lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration =>
        fallback.IsValueCreated && fallback.Value.IdleDuration is null ? null : Stopwatch.GetElapsedTime(Interlocked.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    // Counting needs a round trip to Redis: a synchronous attempt is declined without counting, so the
    // ASP.NET Core middleware goes on to AcquireAsync (the package RedisRateLimiting does the same).
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotAttempted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref lastUsed, Stopwatch.GetTimestamp());
        if (!redis.IsConnected)
        {
            // Skips the command backlog, which would hold every request for the whole timeout.
            onFallback(null);
            return fallback.Value.AttemptAcquire(permitCount);
        }

        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                CountScript, [key], [(long)window.TotalMilliseconds, permitCount]))!;
            return (long)result[0] <= permitLimit
                ? Acquired
                : new WindowLease(isAcquired: false, retryAfter: TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1])));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            onFallback(exception);
            return fallback.Value.AttemptAcquire(permitCount);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && fallback.IsValueCreated)
        {
            fallback.Value.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class WindowLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
