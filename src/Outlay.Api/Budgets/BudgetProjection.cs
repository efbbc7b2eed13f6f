using Outlay.Api.Expenses;
using Outlay.Api.Reports;

namespace Outlay.Api.Budgets;

/// <summary>What was spent in a past period, and over how many days of it the user had records.</summary>
public sealed record PeriodSpend(decimal Total, int Days);

public sealed record BudgetStatus(decimal Spent, decimal Remaining, double Percent, decimal Projected, DateOnly Start, DateOnly End);

/// <summary>The pure arithmetic of a budget's status; the totals come from <see cref="BudgetStatusCalculator"/>.</summary>
public static class BudgetProjection
{
    /// <summary>
    /// projected = spent + remainingDays × max(pace, usualDailyRate), where
    /// pace = spent ÷ elapsedDays (today counts as elapsed, so remainingDays = end − today) and
    /// usualDailyRate = Σ totals ÷ Σ days over the last complete periods of the same kind (up to 3;
    /// only the days since the user's first expense count, so a new user's empty past is not read as
    /// thrift). Taking the larger rate warns early: a period running hotter than usual projects at its
    /// own pace, a slow start still projects at least the usual spend. With no history the pace alone
    /// decides. The figure is rounded to the currency's minor unit.
    /// </summary>
    public static BudgetStatus Status(
        decimal amount, decimal spent, ReportPeriod current, DateOnly today, IReadOnlyList<PeriodSpend> history, string currency)
    {
        var elapsedDays = Math.Clamp(today.DayNumber - current.Start.DayNumber + 1, 1, current.Days);
        var remainingDays = current.Days - elapsedDays;
        var pace = spent / elapsedDays;
        var historyDays = history.Sum(h => h.Days);
        var usual = historyDays > 0 ? history.Sum(h => h.Total) / historyDays : 0m;
        var projected = spent + (remainingDays * Math.Max(pace, usual));
        var percent = amount > 0 ? Math.Round((double)(spent / amount * 100), 2) : 0;
        return new BudgetStatus(
            Money.ToMinorUnits(spent, currency),
            Money.ToMinorUnits(amount - spent, currency),
            percent,
            Money.ToMinorUnits(projected, currency),
            current.Start,
            current.End);
    }
}
