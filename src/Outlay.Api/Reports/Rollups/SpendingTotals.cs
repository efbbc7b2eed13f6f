using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Reports.Rollups;

/// <summary>
/// Sums of a user's live expenses read from the per-day roll-up: a GROUP BY over at most one row per day,
/// category and currency, so a year costs the same for a user with 100 expenses as for one with 100,000.
/// Reports, budgets and insights all build on these.
/// </summary>
public static class SpendingTotals
{
    /// <summary>The roll-up rows of the user's days <paramref name="from"/> to <paramref name="to"/> (inclusive) in one currency.</summary>
    public static IQueryable<DailySpending> Days(OutlayDbContext db, Guid userId, string currency, DateOnly from, DateOnly to) =>
        db.DailySpending.AsNoTracking()
            .Where(d => d.UserId == userId && d.Currency == currency && d.Day >= from && d.Day <= to);

    /// <summary>Total per category of the expenses on days <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public static Task<Dictionary<Guid, decimal>> ByCategoryAsync(
        OutlayDbContext db, Guid userId, string currency, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Days(db, userId, currency, from, to)
            .GroupBy(d => d.CategoryId)
            .Select(g => new { CategoryId = g.Key, Total = g.Sum(d => d.Total) })
            .ToDictionaryAsync(g => g.CategoryId, g => g.Total, cancellationToken);

    /// <summary>Total per day (days without expenses are absent).</summary>
    public static Task<Dictionary<DateOnly, decimal>> ByDayAsync(
        OutlayDbContext db, Guid userId, string currency, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Days(db, userId, currency, from, to)
            .GroupBy(d => d.Day)
            .Select(g => new { Day = g.Key, Total = g.Sum(d => d.Total) })
            .ToDictionaryAsync(g => g.Day, g => g.Total, cancellationToken);

    public static Task<decimal> TotalAsync(
        OutlayDbContext db, Guid userId, string currency, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Days(db, userId, currency, from, to).SumAsync(d => d.Total, cancellationToken);

    /// <summary>The day of the user's earliest expense in the currency: history before it is unknown, not zero.</summary>
    public static Task<DateOnly?> FirstDayAsync(OutlayDbContext db, Guid userId, string currency, CancellationToken cancellationToken) =>
        db.DailySpending.AsNoTracking()
            .Where(d => d.UserId == userId && d.Currency == currency)
            .MinAsync(d => (DateOnly?)d.Day, cancellationToken);
}
