using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Auth;

/// <summary>
/// Whether an access token's session (its <c>sid</c>, the refresh family) was ended: logged out, revoked from the
/// sessions list, or caught reusing a refresh token. Such a token is refused at once rather than when it expires.
/// The answer comes from the refresh tokens and is cached like <see cref="UserSecurityStamps"/>: an ended session
/// is removed from the cache here and, through pub/sub, on every other instance.
/// </summary>
public sealed class SessionRevocations(HybridCache cache, CacheInvalidator invalidator, IServiceScopeFactory scopes)
{
    private static readonly HybridCacheEntryOptions Entry = new()
    {
        // An access token lives 15 minutes by default; a session ended longer ago has no live token left to check.
        Expiration = TimeSpan.FromMinutes(10),
        LocalCacheExpiration = TimeSpan.FromSeconds(30),
    };

    public async Task<bool> IsRevokedAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            Key(sessionId),
            sessionId,
            async (id, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
                return !await db.RefreshTokens.AnyAsync(t => t.FamilyId == id && t.RevokedAt == null, token);
            },
            Entry,
            cancellationToken: cancellationToken);

    /// <summary>Call after revoking the sessions' refresh tokens.</summary>
    public async Task ForgetAsync(IEnumerable<Guid> sessionIds, CancellationToken cancellationToken)
    {
        foreach (var sessionId in sessionIds)
        {
            await invalidator.RemoveAsync(Key(sessionId), cancellationToken);
        }
    }

    private static string Key(Guid sessionId) => $"session-revoked:{sessionId:N}";
}
