using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Outlay.Api.Auth;

/// <summary>
/// Sign-in attempts per account, whatever address they come from (a spread-out guessing attack).
/// The built-in rate limiter partitions by request before the body is read, so this one is asked by
/// the handler once it knows the email.
/// </summary>
public sealed class AccountRateLimiter(IOptionsMonitor<AuthOptions> auth) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = auth.CurrentValue.RateLimits.LoginPerAccountPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAcquire(string email)
    {
        using var lease = limiter.AttemptAcquire(email);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => limiter.Dispose();
}
