using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Expenses;

namespace Outlay.Api.Categories;

public static class DeleteCategory
{
    /// <summary>
    /// Moves every expense of the category (deleted-but-restorable ones too) to <paramref name="reassignTo"/>,
    /// then deletes it, in one transaction. Without reassignTo, a category still in use is a 409.
    /// </summary>
    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Guid? reassignTo, CurrentUser me, OutlayDbContext db, ExpenseCache cache, CancellationToken cancellationToken)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == id && c.UserId == me.Id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (reassignTo is { } target && (target == id || !await db.Categories.AnyAsync(c => c.Id == target && c.UserId == me.Id, cancellationToken)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reassignTo"] = ["Choose another of your categories."] });
        }

        var expenses = db.Expenses.IgnoreQueryFilters().Where(e => e.UserId == me.Id && e.CategoryId == id);
        if (reassignTo is null && await expenses.AnyAsync(cancellationToken))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "This category still has expenses.",
                detail: "Pass reassignTo with the category that should receive them.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (reassignTo is { } destination)
            {
                await expenses.ExecuteUpdateAsync(set => set
                    .SetProperty(e => e.CategoryId, destination)
                    .SetProperty(e => e.Version, e => e.Version + 1), cancellationToken);
            }

            await db.Categories.Where(c => c.Id == id && c.UserId == me.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        await cache.ChangedAsync(me.Id, cancellationToken);
        return TypedResults.NoContent();
    }
}
