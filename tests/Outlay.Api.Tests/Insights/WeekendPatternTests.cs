using Outlay.Api.Insights;

namespace Outlay.Api.Tests.Insights;

public sealed class WeekendPatternTests
{
    [Fact]
    public void Compare_AveragesOverEveryDayOfTheWeeksIncludingEmptyOnes()
    {
        // Two weeks from Monday 2 November 2026: 10 on each weekday (one Wednesday empty), 45 each Saturday.
        var daily = new Dictionary<DateOnly, decimal>();
        for (var day = new DateOnly(2026, 11, 2); day < new DateOnly(2026, 11, 16); day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Saturday)
            {
                daily[day] = 45m;
            }
            else if (day.DayOfWeek != DayOfWeek.Sunday && day != new DateOnly(2026, 11, 4))
            {
                daily[day] = 10m;
            }
        }

        var comparison = WeekendPattern.Compare(daily, new DateOnly(2026, 11, 2), 2);

        // Weekdays: 90 / 10 = 9 a day; weekend: 90 / 4 = 22.5 a day; 22.5 / 9 − 1 = 150 %.
        Assert.NotNull(comparison);
        Assert.Equal(9m, comparison.WeekdayDailyAverage);
        Assert.Equal(22.5m, comparison.WeekendDailyAverage);
        Assert.Equal(150.0, comparison.DifferencePercent);
    }

    [Fact]
    public void Compare_WeekdaysDearer_IsNegative()
    {
        var daily = new Dictionary<DateOnly, decimal> { [new DateOnly(2026, 11, 2)] = 100m, [new DateOnly(2026, 11, 7)] = 10m };

        var comparison = WeekendPattern.Compare(daily, new DateOnly(2026, 11, 2), 1);

        // Weekdays 100 / 5 = 20, weekend 10 / 2 = 5: weekdays cost 300 % more.
        Assert.Equal(-300.0, comparison?.DifferencePercent);
    }

    [Fact]
    public void Compare_NoWeekendSpending_IsNull() =>
        Assert.Null(WeekendPattern.Compare(new Dictionary<DateOnly, decimal> { [new DateOnly(2026, 11, 2)] = 100m }, new DateOnly(2026, 11, 2), 1));
}
