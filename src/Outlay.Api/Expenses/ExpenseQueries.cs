using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Expenses;

public static class ExpenseQueries
{
    /// <summary>One of the user's expenses with its category's name; another user's id finds nothing.</summary>
    public static async Task<(Expense Expense, string CategoryName)?> FindWithCategoryAsync(
        IQueryable<Expense> expenses, OutlayDbContext db, Guid id, Guid userId, CancellationToken cancellationToken)
    {
        var row = await expenses.Where(e => e.Id == id && e.UserId == userId)
            .Join(db.Categories, e => e.CategoryId, c => c.Id, (e, c) => new { Expense = e, c.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Expense, row.Name);
    }
}
