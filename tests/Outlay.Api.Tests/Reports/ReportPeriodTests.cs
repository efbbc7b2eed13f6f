using Microsoft.Extensions.Time.Testing;
using Outlay.Api.Reports;
using Outlay.Api.Users;

namespace Outlay.Api.Tests.Reports;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2026-11-25", WeekStart.Monday, "2026-11-23", "2026-11-29")]
    [InlineData("2026-11-23", WeekStart.Monday, "2026-11-23", "2026-11-29")]
    [InlineData("2026-11-29", WeekStart.Monday, "2026-11-23", "2026-11-29")]
    [InlineData("2026-11-25", WeekStart.Sunday, "2026-11-22", "2026-11-28")]
    [InlineData("2026-11-22", WeekStart.Sunday, "2026-11-22", "2026-11-28")]
    [InlineData("2026-12-31", WeekStart.Monday, "2026-12-28", "2027-01-03")] // 2026 has 53 ISO weeks; the last spans the new year
    [InlineData("2027-01-01", WeekStart.Sunday, "2026-12-27", "2027-01-02")]
    public void Week_StartsOnTheUsersWeekStart(string day, WeekStart weekStart, string start, string end)
    {
        var week = ReportPeriod.Containing(PeriodKind.Week, DateOnly.Parse(day), weekStart, 1);

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (week.Start, week.End));
        Assert.Equal(7, week.Days);
    }

    [Theory]
    [InlineData("2024-02-29", 1, "2024-02-01", "2024-02-29", "February 2024")]
    [InlineData("2025-02-10", 1, "2025-02-01", "2025-02-28", "February 2025")]
    [InlineData("2026-11-10", 25, "2026-10-25", "2026-11-24", "November 2026")]
    [InlineData("2026-11-25", 25, "2026-11-25", "2026-12-24", "December 2026")]
    [InlineData("2026-12-31", 25, "2026-12-25", "2027-01-24", "January 2027")]
    [InlineData("2026-03-01", 28, "2026-02-28", "2026-03-27", "March 2026")]
    [InlineData("2024-02-28", 28, "2024-02-28", "2024-03-27", "March 2024")]
    [InlineData("2026-01-31", 1, "2026-01-01", "2026-01-31", "January 2026")]
    public void Month_FollowsTheMonthStartDay(string day, int startDay, string start, string end, string label)
    {
        var month = ReportPeriod.Containing(PeriodKind.Month, DateOnly.Parse(day), WeekStart.Monday, startDay);

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), label), (month.Start, month.End, month.Label));
    }

    [Theory]
    [InlineData("2024-07-01", 1, "2024-01-01", "2024-12-31", 366)]
    [InlineData("2026-07-01", 25, "2025-12-25", "2026-12-24", 365)]
    [InlineData("2026-12-26", 25, "2026-12-25", "2027-12-24", 365)]
    public void Year_FollowsTheMonthStartDay(string day, int startDay, string start, string end, int days)
    {
        var year = ReportPeriod.Containing(PeriodKind.Year, DateOnly.Parse(day), WeekStart.Monday, startDay);

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), days), (year.Start, year.End, year.Days));
        Assert.Equal(12, year.Buckets(startDay).Count);
    }

    [Fact]
    public void Buckets_OfAMonth_AreOneADayWithoutGaps()
    {
        var month = ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 11, 10), WeekStart.Monday, 25);

        var days = month.Buckets(25);

        Assert.Equal(31, days.Count);
        Assert.Equal(month.Start, days[0].Start);
        Assert.Equal(month.End, days[^1].Start);
    }

    [Fact]
    public void PreviousAndYearAgo_OfAPayDayMonth_AreTheMonthsBefore()
    {
        var november = ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 11, 10), WeekStart.Monday, 25);

        Assert.Equal("October 2026", november.Previous(WeekStart.Monday, 25).Label);
        Assert.Equal("November 2025", november.YearAgo(WeekStart.Monday, 25).Label);
        Assert.Equal(new DateOnly(2025, 10, 25), november.YearAgo(WeekStart.Monday, 25).Start);
    }

    [Theory]
    [InlineData("2026-11-25T11:30:00Z", "Pacific/Kiritimati", "2026-11-26")]
    [InlineData("2026-11-25T11:30:00Z", "Pacific/Pago_Pago", "2026-11-25")]
    [InlineData("2026-11-25T03:00:00Z", "America/Los_Angeles", "2026-11-24")]
    [InlineData("2026-03-29T00:30:00Z", "Europe/Berlin", "2026-03-29")]
    [InlineData("2026-11-25T03:00:00Z", "Not/AZone", "2026-11-25")]
    public void Today_IsTheCalendarDayInTheUsersTimeZone(string utc, string zone, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected), ReportPeriod.Today(clock, zone));
    }
}
