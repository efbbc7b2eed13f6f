namespace Outlay.Api.Insights;

public sealed record WeekendComparison(decimal WeekdayDailyAverage, decimal WeekendDailyAverage, double DifferencePercent);

/// <summary>Weekday against weekend spending per day, over whole weeks so each weekday counts equally.</summary>
public static class WeekendPattern
{
    /// <summary>
    /// Averages the daily totals over the <paramref name="weeks"/> × 5 weekdays and × 2 weekend days (Saturday
    /// and Sunday) from <paramref name="from"/>; days without expenses count as zero. The difference is the
    /// higher average against the lower one, in percent (positive: weekends cost more; negative: weekdays do).
    /// </summary>
    public static WeekendComparison? Compare(IReadOnlyDictionary<DateOnly, decimal> dailyTotals, DateOnly from, int weeks)
    {
        decimal weekday = 0, weekend = 0;
        for (var day = from; day < from.AddDays(weeks * 7); day = day.AddDays(1))
        {
            var total = dailyTotals.GetValueOrDefault(day);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                weekend += total;
            }
            else
            {
                weekday += total;
            }
        }

        var weekdayAverage = weekday / (weeks * 5);
        var weekendAverage = weekend / (weeks * 2);
        if (weekdayAverage == 0 || weekendAverage == 0)
        {
            return null;
        }

        var difference = weekendAverage >= weekdayAverage
            ? (double)((weekendAverage / weekdayAverage) - 1) * 100
            : -(double)((weekdayAverage / weekendAverage) - 1) * 100;
        return new WeekendComparison(weekdayAverage, weekendAverage, Math.Round(difference, 1));
    }
}
