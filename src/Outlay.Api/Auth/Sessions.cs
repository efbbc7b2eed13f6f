using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Auth;

public sealed record SessionResponse(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, string? UserAgent, bool Current);

public static class Sessions
{
    /// <summary>The user's live sessions: one per refresh family whose latest token is still usable.</summary>
    public static async Task<Ok<List<SessionResponse>>> ListAsync(
        CurrentUser me, OutlayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = me.SessionId;
        var live = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.UserId == me.Id && t.RevokedAt == null && t.RotatedAt == null && t.ExpiresAt > now)
            .Select(t => new { t.FamilyId, t.SessionStartedAt, t.LastUsedAt, t.UserAgent })
            .ToListAsync(cancellationToken);
        var sessions = live
            .OrderByDescending(t => t.LastUsedAt)
            .Select(t => new SessionResponse(t.FamilyId, t.SessionStartedAt, t.LastUsedAt, t.UserAgent, t.FamilyId == current))
            .ToList();
        return TypedResults.Ok(sessions);
    }

    /// <summary>Ends one session at once: its refresh token and its access tokens.</summary>
    public static async Task<Results<NoContent, NotFound>> RevokeAsync(
        Guid id, CurrentUser me, RefreshSessions sessions, SecurityEvents.SecurityEventLog events, CancellationToken cancellationToken)
    {
        if (await sessions.RevokeFamilyAsync(id, cancellationToken, ownerId: me.Id) == 0)
        {
            return TypedResults.NotFound();
        }

        await events.RecordAsync(me.Id, SecurityEvents.SecurityEventKinds.SessionRevoked, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }
}
