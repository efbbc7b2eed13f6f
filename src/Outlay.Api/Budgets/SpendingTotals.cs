using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Budgets;

/// <summary>
/// Sums of a user's expenses in one currency, aggregated in the database over the (user, day) index.
/// Budgets and insights both build on these; deleted expenses are left out by the global query filter.
/// </summary>
public static class SpendingTotals
{
    /// <summary>Total per category of the expenses on days <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public static Task<Dictionary<Guid, decimal>> ByCategoryAsync(
        OutlayDbContext db, Guid userId, string currency, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        db.Expenses.AsNoTracking()
            .Where(e => e.UserId == userId && e.Currency == currency && e.OccurredOn >= from && e.OccurredOn <= to)
            .GroupBy(e => e.CategoryId)
            .Select(g => new { CategoryId = g.Key, Total = g.Sum(e => e.Amount) })
            .ToDictionaryAsync(g => g.CategoryId, g => g.Total, cancellationToken);

    /// <summary>The day of the user's earliest expense in the currency: history before it is unknown, not zero.</summary>
    public static Task<DateOnly?> FirstDayAsync(OutlayDbContext db, Guid userId, string currency, CancellationToken cancellationToken) =>
        db.Expenses.AsNoTracking()
            .Where(e => e.UserId == userId && e.Currency == currency)
            .MinAsync(e => (DateOnly?)e.OccurredOn, cancellationToken);
}
