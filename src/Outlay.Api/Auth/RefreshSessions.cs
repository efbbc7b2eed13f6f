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
/// A family ends for good <see cref="AuthOptions.SessionMaxDays"/> after its sign-in.
/// </summary>
public sealed partial class RefreshSessions(
    OutlayDbContext db,
    IOptionsMonitor<AuthOptions> auth,
    SessionRevocations revocations,
    SecurityEvents.SecurityEventLog events,
    TimeProvider clock,
    ILogger<RefreshSessions> logger)
{
    public async Task<IssuedRefreshToken> StartAsync(Guid userId, string? userAgent, CancellationToken cancellationToken)
    {
        var issued = AddToken(userId, Guid.CreateVersion7(), userAgent, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }

    public async Task<RefreshOutcome> RotateAsync(string? presented, string? userAgent, CancellationToken cancellationToken)
    {
        if (!OpaqueTokens.TryHash(presented, out var hash))
        {
            return new RefreshOutcome.Invalid();
        }

        var outcome = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (hash, userAgent), (_, state, token) => ClaimAndReplaceAsync(state.hash, state.userAgent, token), null, cancellationToken);
        switch (outcome)
        {
            case ClaimOutcome.Replaced replaced:
                return new RefreshOutcome.Rotated(replaced.User, replaced.Successor);
            case ClaimOutcome.AlreadyRotated reused:
                await RevokeFamilyAsync(reused.Token.FamilyId, cancellationToken);
                LogReuse(logger, reused.Token.UserId, reused.Token.FamilyId);
                await events.RecordAsync(reused.Token.UserId, SecurityEvents.SecurityEventKinds.TokenReuse, "the session was ended", cancellationToken);
                return new RefreshOutcome.Reused();
            case ClaimOutcome.UserGone gone:
                await RevokeFamilyAsync(gone.FamilyId, cancellationToken);
                return new RefreshOutcome.Invalid();
            default:
                return new RefreshOutcome.Invalid();
        }
    }

    /// <summary>
    /// Claims the token with one conditional UPDATE and inserts its successor in the same transaction. The UPDATE is
    /// the race arbiter: of two concurrent refreshes with the same token exactly one changes the row. Because the
    /// successor commits together with the claim, the loser (who sees the claim) always sees the successor too,
    /// so its family revocation cannot miss it.
    /// </summary>
    private async Task<ClaimOutcome> ClaimAndReplaceAsync(byte[] hash, string? userAgent, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var sessionsStartedAfter = now - auth.CurrentValue.SessionMaxAge;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.RefreshTokens
            .Where(t => t.TokenHash == hash && t.RotatedAt == null && t.RevokedAt == null && t.ExpiresAt > now && t.SessionStartedAt > sessionsStartedAfter)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RotatedAt, now).SetProperty(t => t.LastUsedAt, now), cancellationToken);
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return new ClaimOutcome.Unknown();
        }

        if (claimed == 0)
        {
            return token.RotatedAt is not null && token.RevokedAt is null ? new ClaimOutcome.AlreadyRotated(token) : new ClaimOutcome.Unknown();
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            await transaction.CommitAsync(cancellationToken);
            return new ClaimOutcome.UserGone(token.FamilyId);
        }

        var successor = AddToken(user.Id, token.FamilyId, userAgent ?? token.UserAgent, token.SessionStartedAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClaimOutcome.Replaced(user, successor);
    }

    /// <summary>The family a presented token belongs to, if it is one of ours.</summary>
    public async Task<RefreshToken?> FindAsync(string? presented, CancellationToken cancellationToken) =>
        OpaqueTokens.TryHash(presented, out var hash)
            ? await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            : null;

    /// <summary>Ends one session: its refresh tokens and, at once, its access tokens. Scoped to the owner when given.</summary>
    public async Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken, Guid? ownerId = null)
    {
        var now = clock.GetUtcNow();
        var revoked = await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null && (ownerId == null || t.UserId == ownerId))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
        if (revoked > 0)
        {
            await revocations.ForgetAsync([familyId], cancellationToken);
        }

        return revoked;
    }

    public async Task<int> RevokeAllAsync(Guid userId, Guid? exceptFamilyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var live = db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null && t.FamilyId != exceptFamilyId);
        var families = await live.Select(t => t.FamilyId).Distinct().ToListAsync(cancellationToken);
        var revoked = await live.ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
        await revocations.ForgetAsync(families, cancellationToken);
        return revoked;
    }

    private IssuedRefreshToken AddToken(Guid userId, Guid familyId, string? userAgent, DateTimeOffset sessionStartedAt)
    {
        var (plaintext, hash) = OpaqueTokens.Create();
        var now = clock.GetUtcNow();
        var options = auth.CurrentValue;
        var expiresAt = Min(now + options.RefreshTokenLifetime, sessionStartedAt + options.SessionMaxAge);
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = hash,
            SessionStartedAt = sessionStartedAt,
            ExpiresAt = expiresAt,
            LastUsedAt = now,
            UserAgent = userAgent is { Length: > 256 } ? userAgent[..256] : userAgent,
        });
        return new IssuedRefreshToken(plaintext, familyId, expiresAt - now);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh token reuse for user {UserId}: revoked session family {FamilyId}")]
    private static partial void LogReuse(ILogger logger, Guid userId, Guid familyId);

    private abstract record ClaimOutcome
    {
        public sealed record Replaced(User User, IssuedRefreshToken Successor) : ClaimOutcome;

        public sealed record AlreadyRotated(RefreshToken Token) : ClaimOutcome;

        public sealed record UserGone(Guid FamilyId) : ClaimOutcome;

        public sealed record Unknown : ClaimOutcome;
    }
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
