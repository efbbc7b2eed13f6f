using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Notifications;

/// <summary>Marks one or all of the user's notifications read; an item read before keeps its first read time.</summary>
public static class MarkNotificationsRead
{
    public static async Task<Results<NoContent, NotFound>> OneAsync(
        Guid id, CurrentUser me, OutlayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var mine = db.Set<Notification>().Where(n => n.Id == id && n.UserId == me.Id);
        if (await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken) > 0
            || await mine.AnyAsync(cancellationToken))
        {
            return TypedResults.NoContent();
        }

        return TypedResults.NotFound();
    }

    public static async Task<NoContent> AllAsync(CurrentUser me, OutlayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Set<Notification>().Where(n => n.UserId == me.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
