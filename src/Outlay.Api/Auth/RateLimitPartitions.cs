using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Outlay.Api.Infrastructure;
using StackExchange.Redis;

namespace Outlay.Api.Auth;

/// <summary>
/// Fixed one-minute windows for the sign-up and sign-in limits: counted in Redis when it is configured, so
/// N instances behind a load balancer allow what one would, otherwise in this process.
/// </summary>
public sealed partial class RateLimitPartitions(IOptions<RedisOptions> redisOptions, IServiceProvider services, ILogger<RateLimitPartitions> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private long lastWarning = long.MinValue;

    /// <summary>
    /// The limit is part of the partition key, so a limit changed at run time starts new windows instead of
    /// being ignored by the existing ones.
    /// </summary>
    public RateLimitPartition<string> PerMinute(string policy, string partition, int permitLimit)
    {
        var key = $"{policy}|{partition}|{permitLimit}";
        if (!redisOptions.Value.IsConfigured)
        {
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitLimit,
                Window = Window,
                QueueLimit = 0,
            });
        }

        return RateLimitPartition.Get(key, _ => new RedisFixedWindowRateLimiter(
            services.GetRequiredService<IConnectionMultiplexer>(),
            RedisKey(policy, partition, permitLimit),
            permitLimit,
            Window,
            exception => WarnFallback(policy, exception)));
    }

    // Addresses and emails are personal data: Redis only sees a hash of them.
    private RedisKey RedisKey(string policy, string partition, int permitLimit) =>
        $"{redisOptions.Value.InstanceName}rate-limit:{policy}:{permitLimit}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(partition)))}";

    // Once a minute at most: during an outage every limited request would otherwise log it.
    private void WarnFallback(string policy, Exception? exception)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastWarning);
        if (last != long.MinValue && now - last < (long)WarningInterval.TotalMilliseconds
            || Interlocked.CompareExchange(ref lastWarning, now, last) != last)
        {
            return;
        }

        LogFallback(logger, exception, policy);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: rate limits are counted per instance until it is back (first noticed by {Policy})")]
    private static partial void LogFallback(ILogger logger, Exception? exception, string policy);
}
