using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Reports.Rollups;

public sealed record MerchantSpending(string Merchant, decimal Total, int Count);

/// <summary>
/// A period's spending per merchant: whole calendar months come from the monthly roll-up and only the days
/// at either edge (a week, the ends of a pay-day month) are summed from the expenses themselves, so the rows
/// read are bounded by the merchants and the edge days rather than by the number of expenses.
/// </summary>
public static class MerchantTotals
{
    public static async Task<IReadOnlyList<MerchantSpending>> TopAsync(
        OutlayDbContext db, Guid userId, string currency, DateOnly from, DateOnly to, int count, CancellationToken cancellationToken)
    {
        var firstWhole = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var afterLastWhole = new DateOnly(to.Year, to.Month, 1);
        if (to == afterLastWhole.AddMonths(1).AddDays(-1))
        {
            afterLastWhole = afterLastWhole.AddMonths(1);
        }

        var rows = db.MonthlyMerchantSpending.AsNoTracking()
            .Where(m => m.UserId == userId && m.Currency == currency && m.Month >= firstWhole && m.Month < afterLastWhole)
            .Select(m => new { m.Merchant, m.Total, m.Count });
        IEnumerable<(DateOnly First, DateOnly Last)> edges = firstWhole < afterLastWhole
            ? [(from, firstWhole.AddDays(-1)), (afterLastWhole, to)]
            : [(from, to)];
        foreach (var (first, last) in edges.Where(edge => edge.First <= edge.Last))
        {
            rows = rows.Concat(db.Expenses.AsNoTracking()
                .Where(e => e.UserId == userId && e.Currency == currency && e.Merchant != null && e.OccurredOn >= first && e.OccurredOn <= last)
                .Select(e => new { Merchant = e.Merchant!, Total = e.Amount, Count = 1 }));
        }

        var totals = await rows
            .GroupBy(r => r.Merchant)
            .Select(g => new { Merchant = g.Key, Total = g.Sum(r => r.Total), Count = g.Sum(r => r.Count) })
            .OrderByDescending(g => g.Total).ThenBy(g => g.Merchant)
            .Take(count)
            .ToListAsync(cancellationToken);
        return [.. totals.Select(t => new MerchantSpending(t.Merchant, t.Total, t.Count))];
    }
}
