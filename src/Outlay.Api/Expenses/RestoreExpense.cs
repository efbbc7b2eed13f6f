using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Expenses;

public static class RestoreExpense
{
    /// <summary>Brings back a deleted expense (the "Undo" of a delete); restoring a live one changes nothing.</summary>
    public static async Task<Results<Ok<ExpenseResponse>, NotFound>> HandleAsync(
        Guid id, CurrentUser me, OutlayDbContext db, ExpenseCache cache, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var restored = await db.Expenses.IgnoreQueryFilters()
            .Where(e => e.Id == id && e.UserId == me.Id && e.DeletedAt != null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.DeletedAt, (DateTimeOffset?)null)
                .SetProperty(e => e.UpdatedAt, now)
                .SetProperty(e => e.Version, e => e.Version + 1), cancellationToken);
        if (restored > 0)
        {
            await cache.ChangedAsync(me.Id, cancellationToken);
        }

        var found = await ExpenseQueries.FindWithCategoryAsync(db.Expenses.AsNoTracking(), db, id, me.Id, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        var body = ExpenseResponse.From(found.Value.Expense, found.Value.CategoryName);
        response.Headers.ETag = body.ETag;
        return TypedResults.Ok(body);
    }
}
