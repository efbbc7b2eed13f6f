using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Sms;

/// <summary>The last message of a page: where the next page starts.</summary>
public sealed record SmsMessageCursor(DateTimeOffset ReceivedAt, Guid Id);

/// <summary>
/// One stored SMS and what became of it. <c>Body</c> is the text only while it is kept (transaction messages of a
/// user who chose to keep them); <c>ExpenseId</c> is the expense it created or repeats, null once that is purged.
/// </summary>
public sealed record SmsMessageResponse(
    Guid Id, string? Sender, DateTimeOffset ReceivedAt, SmsMessageStatus Status, string? Reason, Guid? ExpenseId, string? Body);

/// <summary>The user's own stored SMS, newest received first, in keyset pages walking the (user_id, received_at) index.</summary>
public static class ListSmsMessages
{
    public static async Task<Results<Ok<Page<SmsMessageResponse>>, ValidationProblem>> HandleAsync(
        CurrentUser me, OutlayDbContext db, SmsBodyProtector protector, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.TryRead<SmsMessageCursor>(limit, cursor, out var take, out var after) is { } invalid)
        {
            return invalid;
        }

        var messages = db.SmsMessages.AsNoTracking().Where(m => m.UserId == me.Id);
        if (after is not null)
        {
            messages = messages.Where(m => m.ReceivedAt <= after.ReceivedAt && (m.ReceivedAt < after.ReceivedAt || m.Id.CompareTo(after.Id) < 0));
        }

        var rows = await messages.OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id).Take(take + 1)
            .Select(m => new { m.Id, m.Sender, m.ReceivedAt, m.Status, m.IgnoredReason, m.ExpenseId, m.ProtectedBody })
            .ToListAsync(cancellationToken);
        var items = rows
            .Select(m => new SmsMessageResponse(
                m.Id, m.Sender, m.ReceivedAt, m.Status, m.IgnoredReason, m.ExpenseId, m.ProtectedBody is null ? null : protector.Unprotect(m.ProtectedBody)))
            .ToList();
        return TypedResults.Ok(Paging.PageOf(items, take, m => new SmsMessageCursor(m.ReceivedAt, m.Id)));
    }
}
