using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.Reports.Rollups;

namespace Outlay.Api.Reports;

public static class GetSummary
{
    private const int TopCount = 5;

    /// <summary>
    /// Totals for the week, month or year holding <paramref name="date"/> (default: today in the user's
    /// time zone). Every figure is a GROUP BY in the database over the spending roll-ups (see ADR 0004);
    /// the answer is cached until any of the user's expenses change.
    /// </summary>
    public static async Task<Results<Ok<SummaryResponse>, ValidationProblem, NotFound>> HandleAsync(
        CurrentUser me,
        OutlayDbContext db,
        HybridCache cache,
        IOptions<ReportOptions> options,
        TimeProvider clock,
        string? period,
        DateOnly? date,
        CancellationToken cancellationToken)
    {
        if (PeriodKinds.Parse(period ?? "month") is not { } kind)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["period must be week, month or year."] });
        }

        var settings = await ReportSettings.LoadAsync(db, me.Id, cancellationToken);
        if (settings is null)
        {
            return TypedResults.NotFound();
        }

        var today = ReportPeriod.Today(clock, settings.TimeZone);
        var range = ReportPeriod.Containing(kind, date ?? today, settings.WeekStart, settings.MonthStartDay);
        var key = $"summary:{me.Id:N}:{kind}:{range.Start:yyyyMMdd}:{settings.CacheKey}:{today:yyyyMMdd}";
        var summary = await cache.GetOrCreateAsync(
            key,
            (db, me.Id, range, today, settings),
            static (state, token) => new ValueTask<SummaryResponse>(BuildAsync(state.db, state.Id, state.range, state.today, state.settings, token)),
            options.Value.Entry,
            [ExpenseCache.TagFor(me.Id)],
            cancellationToken);
        return TypedResults.Ok(summary);
    }

    private static async Task<SummaryResponse> BuildAsync(
        OutlayDbContext db, Guid userId, ReportPeriod period, DateOnly today, ReportSettings settings, CancellationToken cancellationToken)
    {
        var currency = settings.Currency;
        var byCategoryAndCurrency = await db.DailySpending.AsNoTracking()
            .Where(d => d.UserId == userId && d.Day >= period.Start && d.Day <= period.End)
            .GroupBy(d => new { d.CategoryId, d.Currency })
            .Select(g => new { g.Key.CategoryId, g.Key.Currency, Total = g.Sum(d => d.Total), Count = g.Sum(d => d.Count) })
            .ToListAsync(cancellationToken);
        var mine = byCategoryAndCurrency.Where(r => r.Currency == currency).ToList();
        var total = mine.Sum(r => r.Total);
        var count = mine.Sum(r => r.Count);

        var categories = await db.Categories.AsNoTracking().Where(c => c.UserId == userId)
            .ToDictionaryAsync(c => c.Id, c => new { c.Name, c.Color }, cancellationToken);
        var byCategory = mine
            .Select(r => new CategoryTotal(
                r.CategoryId,
                categories.TryGetValue(r.CategoryId, out var c) ? c.Name : "?",
                categories.TryGetValue(r.CategoryId, out var colour) ? colour.Color : "#64748b",
                Money.ToMinorUnits(r.Total, currency),
                r.Count,
                total == 0 ? 0 : Math.Round((double)(r.Total / total * 100), 2)))
            .OrderByDescending(c => c.Total).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        var daily = await SpendingTotals.ByDayAsync(db, userId, currency, period.Start, period.End, cancellationToken);
        var series = period.Buckets(settings.MonthStartDay)
            .Select(bucket => new SeriesPoint(bucket.Start, Money.ToMinorUnits(
                daily.Where(d => bucket.Contains(d.Key)).Sum(d => d.Value), currency)))
            .ToList();

        var previous = period.Previous(settings.WeekStart, settings.MonthStartDay);
        var yearAgo = period.YearAgo(settings.WeekStart, settings.MonthStartDay);
        var previousTotal = await SpendingTotals.TotalAsync(db, userId, currency, previous.Start, previous.End, cancellationToken);
        var yearAgoTotal = yearAgo == previous
            ? previousTotal
            : await SpendingTotals.TotalAsync(db, userId, currency, yearAgo.Start, yearAgo.End, cancellationToken);

        var topMerchants = await MerchantTotals.TopAsync(db, userId, currency, period.Start, period.End, TopCount, cancellationToken);

        // The (user, amount) index read backwards: the first few rows of the period end the scan.
        var largest = await db.Expenses.AsNoTracking()
            .Where(e => e.UserId == userId && e.Currency == currency && e.OccurredOn >= period.Start && e.OccurredOn <= period.End)
            .OrderByDescending(e => e.Amount).ThenBy(e => e.Id)
            .Take(TopCount)
            .ToListAsync(cancellationToken);

        // For the running period the average is over the days so far, not the days still to come.
        var daysCounted = period.Contains(today) ? today.DayNumber - period.Start.DayNumber + 1 : period.Days;
        return new SummaryResponse(
            PeriodResponse.From(period),
            currency,
            Money.ToMinorUnits(total, currency),
            count,
            Money.ToMinorUnits(total / daysCounted, currency),
            Comparison.Of(previous, Money.ToMinorUnits(previousTotal, currency), total),
            Comparison.Of(yearAgo, Money.ToMinorUnits(yearAgoTotal, currency), total),
            byCategory,
            series,
            topMerchants.Select(m => new MerchantTotal(m.Merchant, Money.ToMinorUnits(m.Total, currency), m.Count)).ToList(),
            largest.Select(e => ExpenseResponse.From(e, categories.TryGetValue(e.CategoryId, out var c) ? c.Name : "?")).ToList(),
            byCategoryAndCurrency.Where(r => r.Currency != currency)
                .GroupBy(r => r.Currency)
                .Select(g => new CurrencyTotal(g.Key, Money.ToMinorUnits(g.Sum(r => r.Total), g.Key), g.Sum(r => r.Count)))
                .OrderBy(c => c.Currency, StringComparer.Ordinal)
                .ToList());
    }
}
