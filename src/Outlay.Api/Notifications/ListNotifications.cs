using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Notifications;

/// <summary>The user's feed, newest first, in keyset pages of the (user_id, id) index (ids are time-ordered).</summary>
public static class ListNotifications
{
    public static async Task<Results<Ok<NotificationPageResponse>, ValidationProblem>> HandleAsync(
        CurrentUser me, OutlayDbContext db, bool? unread, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.TryRead<Guid>(limit, cursor, out var take, out var after) is { } invalid)
        {
            return invalid;
        }

        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == me.Id);
        var listed = unread == true ? mine.Where(n => n.ReadAt == null) : mine;
        if (after != Guid.Empty)
        {
            listed = listed.Where(n => n.Id.CompareTo(after) < 0);
        }

        var rows = await listed.OrderByDescending(n => n.Id).Take(take + 1).ToListAsync(cancellationToken);
        var unreadCount = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var ids = rows.Select(n => n.Id).ToList();
        var deliveries = (await db.Set<NotificationDelivery>().AsNoTracking().Where(d => ids.Contains(d.NotificationId)).ToListAsync(cancellationToken))
            .ToLookup(d => d.NotificationId);
        var page = Paging.PageOf(rows.Select(n => NotificationResponse.From(n, deliveries[n.Id])).ToList(), take, n => n.Id);
        return TypedResults.Ok(new NotificationPageResponse(page.Items, page.NextCursor, unreadCount));
    }
}
