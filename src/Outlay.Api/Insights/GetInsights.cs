using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Budgets;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.Reports;

namespace Outlay.Api.Insights;

public static class GetInsights
{
    /// <summary>
    /// Cached per user and day (the user's settings are part of the key), dropped by any expense or budget
    /// change, kept as long as reports are (<c>Outlay:Reports:CacheMinutes</c>). Threshold changes apply once the
    /// cached answer expires.
    /// </summary>
    public static async Task<Results<Ok<List<InsightResponse>>, NotFound>> HandleAsync(
        CurrentUser me, OutlayDbContext db, InsightFinder finder, HybridCache cache, IOptions<ReportOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = await ReportSettings.LoadAsync(db, me.Id, cancellationToken);
        if (settings is null)
        {
            return TypedResults.NotFound();
        }

        var today = ReportPeriod.Today(clock, settings.TimeZone);
        var insights = await cache.GetOrCreateAsync(
            $"insights:{me.Id:N}:{today:yyyyMMdd}:{settings.CacheKey}",
            (finder, me.Id, settings, today),
            static (state, token) => new ValueTask<List<InsightResponse>>(state.finder.FindAsync(state.Id, state.settings, state.today, token)),
            options.Value.Entry,
            [ExpenseCache.TagFor(me.Id), Budget.CacheTagFor(me.Id)],
            cancellationToken);
        return TypedResults.Ok(insights);
    }
}
