using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Expenses;

public static class GetExpense
{
    public static async Task<Results<Ok<ExpenseResponse>, NotFound>> HandleAsync(
        Guid id, CurrentUser me, OutlayDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
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
