using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.Reports.Rollups;

namespace Outlay.Api.Reports;

// Sealed and immutable: HybridCache hands the cached instance out again instead of deserialising a copy per hit.
[ImmutableObject(true)]
public sealed record TrendResponse(string Currency, IReadOnlyList<TrendPoint> Points);

public sealed record TrendPoint(DateOnly Start, DateOnly End, string Label, decimal Total, IReadOnlyDictionary<string, decimal> ByCategory);

public static class GetTrend
{
    public const int MaxCount = 60;

    /// <summary>The last <paramref name="count"/> weeks or months, oldest first, the last being the current (partial) one.</summary>
    public static async Task<Results<Ok<TrendResponse>, ValidationProblem, NotFound>> HandleAsync(
        CurrentUser me,
        OutlayDbContext db,
        HybridCache cache,
        IOptions<ReportOptions> options,
        TimeProvider clock,
        string? granularity,
        int? count,
        Guid? categoryId,
        CancellationToken cancellationToken)
    {
        var points = count ?? 12;
        var errors = new Dictionary<string, string[]>();
        if (points is < 1 or > MaxCount)
        {
            errors["count"] = [$"count must be between 1 and {MaxCount}."];
        }

        var kind = PeriodKinds.Parse(granularity ?? "month");
        if (kind is not (PeriodKind.Week or PeriodKind.Month))
        {
            errors["granularity"] = ["granularity must be week or month."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var settings = await ReportSettings.LoadAsync(db, me.Id, cancellationToken);
        if (settings is null)
        {
            return TypedResults.NotFound();
        }

        var today = ReportPeriod.Today(clock, settings.TimeZone);
        var key = $"trend:{me.Id:N}:{kind}:{points}:{categoryId}:{settings.CacheKey}:{today:yyyyMMdd}";
        var trend = await cache.GetOrCreateAsync(
            key,
            (db, me.Id, kind: kind!.Value, points, categoryId, today, settings),
            static (s, token) => new ValueTask<TrendResponse>(BuildAsync(s.db, s.Id, s.kind, s.points, s.categoryId, s.today, s.settings, token)),
            options.Value.Entry,
            [ExpenseCache.TagFor(me.Id)],
            cancellationToken);
        return TypedResults.Ok(trend);
    }

    private static async Task<TrendResponse> BuildAsync(
        OutlayDbContext db, Guid userId, PeriodKind kind, int count, Guid? categoryId, DateOnly today, ReportSettings settings, CancellationToken cancellationToken)
    {
        var periods = new List<ReportPeriod> { ReportPeriod.Containing(kind, today, settings.WeekStart, settings.MonthStartDay) };
        while (periods.Count < count)
        {
            periods.Insert(0, periods[0].Previous(settings.WeekStart, settings.MonthStartDay));
        }

        var from = periods[0].Start;
        var to = periods[^1].End;
        var days = SpendingTotals.Days(db, userId, settings.Currency, from, to);
        if (categoryId is { } only)
        {
            days = days.Where(d => d.CategoryId == only);
        }

        var rows = await days.Select(d => new { d.Day, d.CategoryId, d.Total }).ToListAsync(cancellationToken);
        var byPeriod = rows.ToLookup(r => periods.FindIndex(p => p.Contains(r.Day)));
        var trend = periods.Select((period, index) =>
        {
            var byCategory = byPeriod[index].GroupBy(r => r.CategoryId)
                .ToDictionary(g => g.Key.ToString(), g => Money.ToMinorUnits(g.Sum(r => r.Total), settings.Currency));
            return new TrendPoint(period.Start, period.End, period.Label, Money.ToMinorUnits(byPeriod[index].Sum(r => r.Total), settings.Currency), byCategory);
        }).ToList();
        return new TrendResponse(settings.Currency, trend);
    }
}
