using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Users;

/// <summary>Removes a user and everything they own, used by self-deletion and by admins.</summary>
public static class AccountRemoval
{
    public static async Task RemoveAsync(OutlayDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Expenses reference categories with RESTRICT, so they go first; the rest cascades from the user.
            await db.Expenses.IgnoreQueryFilters().Where(e => e.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
