using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Budgets;

public static class DeleteBudget
{
    public static async Task<Results<NoContent, NotFound>> HandleAsync(
        Guid id, CurrentUser me, OutlayDbContext db, CacheInvalidator invalidator, CancellationToken cancellationToken)
    {
        var deleted = await db.Budgets.Where(b => b.Id == id && b.UserId == me.Id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return TypedResults.NotFound();
        }

        await invalidator.RemoveByTagAsync(Budget.CacheTagFor(me.Id), cancellationToken);
        return TypedResults.NoContent();
    }
}
