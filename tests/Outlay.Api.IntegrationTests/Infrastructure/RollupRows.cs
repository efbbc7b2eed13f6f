using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.IntegrationTests.Infrastructure;

/// <summary>An expense reduced to what the spending roll-ups group and sum by.</summary>
public sealed record CountedExpense(Guid UserId, DateOnly Day, Guid CategoryId, string Currency, decimal Amount, string? Merchant);

public sealed record DayRow(Guid UserId, DateOnly Day, Guid CategoryId, string Currency, decimal Total, int Count);

public sealed record MonthRow(Guid UserId, DateOnly Month, string Currency, string Merchant, decimal Total, int Count);

/// <summary>Both roll-up tables in key order, as stored or as the GROUP BY of live expenses gives them.</summary>
public sealed record RollupRows(List<DayRow> Daily, List<MonthRow> Monthly)
{
    public static RollupRows GroupBy(IEnumerable<CountedExpense> live)
    {
        var expenses = live.ToList();
        return new RollupRows(
            Sorted(expenses.GroupBy(e => (e.UserId, e.Day, e.CategoryId, e.Currency))
                .Select(g => new DayRow(g.Key.UserId, g.Key.Day, g.Key.CategoryId, g.Key.Currency, g.Sum(e => e.Amount), g.Count()))),
            Sorted(expenses.Where(e => e.Merchant is not null)
                .GroupBy(e => (e.UserId, Month: new DateOnly(e.Day.Year, e.Day.Month, 1), e.Currency, Merchant: e.Merchant!))
                .Select(g => new MonthRow(g.Key.UserId, g.Key.Month, g.Key.Currency, g.Key.Merchant, g.Sum(e => e.Amount), g.Count()))));
    }

    /// <summary>The stored roll-ups of these users, or of everyone when none are named.</summary>
    public static async Task<RollupRows> ReadAsync(OutlayDbContext db, IReadOnlyCollection<Guid>? userIds = null)
    {
        var daily = db.DailySpending.AsNoTracking();
        var monthly = db.MonthlyMerchantSpending.AsNoTracking();
        if (userIds is not null)
        {
            daily = daily.Where(d => userIds.Contains(d.UserId));
            monthly = monthly.Where(m => userIds.Contains(m.UserId));
        }

        return new RollupRows(
            Sorted(await daily.Select(d => new DayRow(d.UserId, d.Day, d.CategoryId, d.Currency, d.Total, d.Count)).ToListAsync()),
            Sorted(await monthly.Select(m => new MonthRow(m.UserId, m.Month, m.Currency, m.Merchant, m.Total, m.Count)).ToListAsync()));
    }

    private static List<DayRow> Sorted(IEnumerable<DayRow> rows) =>
        [.. rows.OrderBy(r => r.UserId).ThenBy(r => r.Day).ThenBy(r => r.CategoryId).ThenBy(r => r.Currency, StringComparer.Ordinal)];

    private static List<MonthRow> Sorted(IEnumerable<MonthRow> rows) =>
        [.. rows.OrderBy(r => r.UserId).ThenBy(r => r.Month).ThenBy(r => r.Currency, StringComparer.Ordinal).ThenBy(r => r.Merchant, StringComparer.Ordinal)];
}
