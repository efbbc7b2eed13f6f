using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Expenses;

public static class DeleteExpense
{
    /// <summary>Hides the expense everywhere; it stays restorable until the purge removes it for good.</summary>
    public static async Task<Results<NoContent, NotFound>> HandleAsync(
        Guid id, CurrentUser me, OutlayDbContext db, ExpenseCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deleted = await db.Expenses
            .Where(e => e.Id == id && e.UserId == me.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.DeletedAt, now)
                .SetProperty(e => e.UpdatedAt, now)
                .SetProperty(e => e.Version, e => e.Version + 1), cancellationToken);
        if (deleted == 0)
        {
            return TypedResults.NotFound();
        }

        await cache.ChangedAsync(me.Id, cancellationToken);
        return TypedResults.NoContent();
    }
}
