using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Auth;

/// <summary>
/// The per-user stamp every access token carries. A token whose stamp no longer matches (user disabled,
/// deleted, role changed, signed out everywhere) is refused at once. The stamp is cached so that
/// checking it costs no database round trip; changes are pushed to every instance.
/// </summary>
public sealed class UserSecurityStamps(HybridCache cache, CacheInvalidator invalidator, IServiceScopeFactory scopes)
{
    private static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = TimeSpan.FromMinutes(10),
        // A short local lifetime bounds the damage if an invalidation message is ever lost.
        LocalCacheExpiration = TimeSpan.FromSeconds(30),
    };

    /// <summary>The current stamp, or null when the user is gone or disabled.</summary>
    public async Task<string?> CurrentAsync(Guid userId, CancellationToken cancellationToken)
    {
        var stamp = await cache.GetOrCreateAsync(
            Key(userId),
            userId,
            async (id, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
                var user = await db.Users.AsNoTracking()
                    .Where(u => u.Id == id)
                    .Select(u => new { u.SecurityStamp, u.IsDisabled })
                    .SingleOrDefaultAsync(token);
                return user is null || user.IsDisabled ? string.Empty : user.SecurityStamp.ToString("N");
            },
            Entry,
            cancellationToken: cancellationToken);
        return stamp.Length == 0 ? null : stamp;
    }

    /// <summary>Call after saving a new stamp, a disable or a delete.</summary>
    public Task ForgetAsync(Guid userId, CancellationToken cancellationToken) =>
        invalidator.RemoveAsync(Key(userId), cancellationToken);

    private static string Key(Guid userId) => $"user-stamp:{userId:N}";
}
