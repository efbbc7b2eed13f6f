using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Outlay.Api.Auth;

/// <summary>
/// Counts failed sign-ins per email — known or not, so a lock-out reveals nothing about which
/// accounts exist — in the distributed cache, so every instance sees the same count.
/// </summary>
public sealed class LoginLockout(IDistributedCache cache, IOptionsMonitor<AuthOptions> auth, TimeProvider clock)
{
    /// <summary>How long the email stays locked, or null when it may try.</summary>
    public async Task<TimeSpan?> LockedForAsync(string email, CancellationToken cancellationToken)
    {
        var state = await ReadAsync(email, cancellationToken);
        var remaining = state?.LockedUntil - clock.GetUtcNow();
        return remaining > TimeSpan.Zero ? remaining : null;
    }

    /// <summary>Counts a failure; true when it is the one that locks the email.</summary>
    public async Task<bool> RecordFailureAsync(string email, CancellationToken cancellationToken)
    {
        var options = auth.CurrentValue;
        var now = clock.GetUtcNow();
        var state = await ReadAsync(email, cancellationToken) ?? new LockoutState(0, null);
        var failures = state.LockedUntil is { } until && until <= now ? 1 : state.Failures + 1;
        var lockedUntil = failures >= options.LockoutFailures ? now.AddMinutes(options.LockoutMinutes) : (DateTimeOffset?)null;
        await cache.SetAsync(
            Key(email),
            JsonSerializer.SerializeToUtf8Bytes(new LockoutState(lockedUntil is null ? failures : 0, lockedUntil)),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(options.LockoutMinutes) },
            cancellationToken);
        return lockedUntil is not null;
    }

    public Task ResetAsync(string email, CancellationToken cancellationToken) => cache.RemoveAsync(Key(email), cancellationToken);

    private async Task<LockoutState?> ReadAsync(string email, CancellationToken cancellationToken) =>
        await cache.GetAsync(Key(email), cancellationToken) is { } bytes ? JsonSerializer.Deserialize<LockoutState>(bytes) : null;

    // Hashed so the cache never holds email addresses.
    private static string Key(string email) =>
        "login-failures:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email)));

    private sealed record LockoutState(int Failures, DateTimeOffset? LockedUntil);
}
