using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;
using Outlay.Api.Users;

namespace Outlay.Api.Auth;

/// <summary>
/// Refresh tokens: opaque 256-bit secrets stored only as SHA-256 hashes, one family per sign-in,
/// rotated on every use. Presenting a token that was already rotated away revokes its whole family
/// (RFC 9700 §4.14.2): either the client or a thief holds a stale copy, and we cannot tell which.
/// </summary>
public sealed partial class RefreshSessions(OutlayDbContext db, IOptionsMonitor<AuthOptions> auth, TimeProvider clock, ILogger<RefreshSessions> logger)
{
    public async Task<IssuedRefreshToken> StartAsync(Guid userId, string? userAgent, CancellationToken cancellationToken)
    {
        var familyId = Guid.CreateVersion7();
        var issued = await AddTokenAsync(userId, familyId, userAgent, cancellationToken);
        return issued;
    }

    public async Task<RefreshOutcome> RotateAsync(string? presented, string? userAgent, CancellationToken cancellationToken)
    {
        if (!OpaqueTokens.TryHash(presented, out var hash))
        {
            return new RefreshOutcome.Invalid();
        }

        var now = clock.GetUtcNow();
        // One conditional UPDATE is the race arbiter: of two concurrent refreshes with the same token,
        // exactly one changes the row and gets a successor.
        var claimed = await db.RefreshTokens
            .Where(t => t.TokenHash == hash && t.RotatedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RotatedAt, now).SetProperty(t => t.LastUsedAt, now), cancellationToken);

        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return new RefreshOutcome.Invalid();
        }

        if (claimed == 0)
        {
            if (token.RotatedAt is not null && token.RevokedAt is null)
            {
                await RevokeFamilyAsync(token.FamilyId, cancellationToken);
                LogReuse(logger, token.UserId, token.FamilyId);
                return new RefreshOutcome.Reused();
            }

            return new RefreshOutcome.Invalid();
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            await RevokeFamilyAsync(token.FamilyId, cancellationToken);
            return new RefreshOutcome.Invalid();
        }

        var successor = await AddTokenAsync(user.Id, token.FamilyId, userAgent ?? token.UserAgent, cancellationToken, token.SessionStartedAt);
        return new RefreshOutcome.Rotated(user, successor);
    }

    /// <summary>The family a presented token belongs to, if it is one of ours.</summary>
    public async Task<RefreshToken?> FindAsync(string? presented, CancellationToken cancellationToken) =>
        OpaqueTokens.TryHash(presented, out var hash)
            ? await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            : null;

    public Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    public Task<int> RevokeAllAsync(Guid userId, Guid? exceptFamilyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null && t.FamilyId != exceptFamilyId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private async Task<IssuedRefreshToken> AddTokenAsync(
        Guid userId, Guid familyId, string? userAgent, CancellationToken cancellationToken, DateTimeOffset? sessionStartedAt = null)
    {
        var (plaintext, hash) = OpaqueTokens.Create();
        var now = clock.GetUtcNow();
        var lifetime = auth.CurrentValue.RefreshTokenLifetime;
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = hash,
            SessionStartedAt = sessionStartedAt ?? now,
            ExpiresAt = now + lifetime,
            LastUsedAt = now,
            UserAgent = userAgent is { Length: > 256 } ? userAgent[..256] : userAgent,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedRefreshToken(plaintext, familyId, lifetime);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh token reuse for user {UserId}: revoked session family {FamilyId}")]
    private static partial void LogReuse(ILogger logger, Guid userId, Guid familyId);
}

public sealed record IssuedRefreshToken(string Token, Guid FamilyId, TimeSpan Lifetime);

public abstract record RefreshOutcome
{
    private RefreshOutcome()
    {
    }

    public sealed record Rotated(User User, IssuedRefreshToken Successor) : RefreshOutcome;

    public sealed record Invalid : RefreshOutcome;

    public sealed record Reused : RefreshOutcome;
}
