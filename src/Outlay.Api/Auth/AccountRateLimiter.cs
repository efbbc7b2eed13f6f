using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Outlay.Api.Auth;

/// <summary>
/// Sign-in attempts per account, whatever address they come from (a spread-out guessing attack).
/// The built-in rate limiter partitions by request before the body is read, so this one is asked by
/// the handler once it knows the email. Shared by all instances through Redis when it is configured.
/// </summary>
public sealed class AccountRateLimiter(IOptionsMonitor<AuthOptions> auth, RateLimitPartitions partitions) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(email =>
        partitions.PerMinute("login-account", email, auth.CurrentValue.RateLimits.LoginPerAccountPerMinute));

    /// <summary>Null when allowed, else how long to wait.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string email, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(email, cancellationToken: cancellationToken);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => limiter.Dispose();
}
