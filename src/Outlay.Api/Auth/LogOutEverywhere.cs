using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Auth;

public static class LogOutEverywhere
{
    /// <summary>Revokes every session and, through a new security stamp, every access token already issued.</summary>
    public static async Task<NoContent> HandleAsync(
        HttpContext http,
        CurrentUser me,
        OutlayDbContext db,
        RefreshSessions sessions,
        UserSecurityStamps stamps,
        SecurityEvents.SecurityEventLog events,
        CancellationToken cancellationToken)
    {
        await sessions.RevokeAllAsync(me.Id, exceptFamilyId: null, cancellationToken);
        await db.Users.Where(u => u.Id == me.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, Guid.NewGuid()), cancellationToken);
        await stamps.ForgetAsync(me.Id, cancellationToken);
        RefreshCookie.Expire(http.Response);
        await events.RecordAsync(me.Id, SecurityEvents.SecurityEventKinds.SignedOutEverywhere, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }
}
