using Outlay.Api.Data;
using Outlay.Api.Reports;
using Outlay.Api.Reports.Rollups;

namespace Outlay.Api.Budgets;

/// <summary>The current-period status of a user's budgets: a few GROUP BY queries per period kind, whatever the number of budgets.</summary>
public sealed class BudgetStatusCalculator(OutlayDbContext db)
{
    /// <summary>How many complete past periods make the "usual" rate of the projection.</summary>
    public const int HistoryPeriods = 3;

    public async Task<Dictionary<Guid, BudgetStatus>> ComputeAsync(
        Guid userId, ReportSettings settings, DateOnly today, IReadOnlyCollection<Budget> budgets, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<Guid, BudgetStatus>();
        if (budgets.Count == 0)
        {
            return statuses;
        }

        var currency = settings.Currency;
        var firstDay = await SpendingTotals.FirstDayAsync(db, userId, currency, cancellationToken);
        foreach (var kind in budgets.Select(b => b.Period).Distinct())
        {
            var current = ReportPeriod.Containing(kind, today, settings.WeekStart, settings.MonthStartDay);
            var spentNow = await SpendingTotals.ByCategoryAsync(db, userId, currency, current.Start, current.End, cancellationToken);
            var history = new List<(ReportPeriod Period, int Days, Dictionary<Guid, decimal> Totals)>();
            var past = current;
            for (var i = 0; i < HistoryPeriods && firstDay is { } first; i++)
            {
                past = past.Previous(settings.WeekStart, settings.MonthStartDay);
                if (past.End < first)
                {
                    break;
                }

                var coveredDays = past.End.DayNumber - (first > past.Start ? first : past.Start).DayNumber + 1;
                history.Add((past, coveredDays, await SpendingTotals.ByCategoryAsync(db, userId, currency, past.Start, past.End, cancellationToken)));
            }

            foreach (var budget in budgets.Where(b => b.Period == kind))
            {
                decimal Pick(Dictionary<Guid, decimal> totals) =>
                    budget.CategoryId is { } category ? totals.GetValueOrDefault(category) : totals.Values.Sum();

                var spends = history.Select(h => new PeriodSpend(Pick(h.Totals), h.Days)).ToList();
                statuses[budget.Id] = BudgetProjection.Status(budget.Amount, Pick(spentNow), current, today, spends, currency);
            }
        }

        return statuses;
    }
}
