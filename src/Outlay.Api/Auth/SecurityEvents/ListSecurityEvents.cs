using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Auth.SecurityEvents;

public sealed record SecurityEventResponse(Guid Id, Guid UserId, string Kind, DateTimeOffset OccurredAt, string? ClientAddress, string? UserAgent, string? Detail);

/// <summary>Security events newest first, in keyset pages: a person's own, or (for an admin) anyone's.</summary>
public static class ListSecurityEvents
{
    public static Task<Results<Ok<Page<SecurityEventResponse>>, ValidationProblem>> MineAsync(
        CurrentUser me, OutlayDbContext db, int? limit, string? cursor, CancellationToken cancellationToken) =>
        PageAsync(db, me.Id, limit, cursor, cancellationToken);

    public static Task<Results<Ok<Page<SecurityEventResponse>>, ValidationProblem>> AnyoneAsync(
        OutlayDbContext db, Guid? userId, int? limit, string? cursor, CancellationToken cancellationToken) =>
        PageAsync(db, userId, limit, cursor, cancellationToken);

    private static async Task<Results<Ok<Page<SecurityEventResponse>>, ValidationProblem>> PageAsync(
        OutlayDbContext db, Guid? userId, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.TryRead<Guid>(limit, cursor, out var take, out var after) is { } invalid)
        {
            return invalid;
        }

        var events = db.Set<SecurityEvent>().AsNoTracking();
        if (userId is { } owner)
        {
            events = events.Where(e => e.UserId == owner);
        }

        if (after != Guid.Empty)
        {
            events = events.Where(e => e.Id.CompareTo(after) < 0);
        }

        var rows = await events.OrderByDescending(e => e.Id).Take(take + 1)
            .Select(e => new SecurityEventResponse(e.Id, e.UserId, e.Kind, e.OccurredAt, e.ClientAddress, e.UserAgent, e.Detail))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.PageOf(rows, take, e => e.Id));
    }
}
