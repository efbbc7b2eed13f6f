using Microsoft.Extensions.Time.Testing;
using Outlay.Api.Budgets;
using Outlay.Api.Reports;
using Outlay.Api.Users;

namespace Outlay.Api.Tests.Budgets;

public sealed class BudgetProjectionTests
{
    // November 2026 has 30 days; on the 10th, 10 days have elapsed (today included) and 20 remain.
    private static readonly ReportPeriod November = ReportPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 11, 10), WeekStart.Monday, 1);
    private static readonly DateOnly Tenth = new(2026, 11, 10);

    // Aug 620 over 31 days, Sep 600 over 30, Oct 930 over 31: usual = 2150 / 92 = 23.3695652… a day.
    private static readonly PeriodSpend[] LastThreeMonths = [new(620m, 31), new(600m, 30), new(930m, 31)];

    [Fact]
    public void Status_SpendingFasterThanUsual_ProjectsAtThePaceSoFar()
    {
        // pace = 300 / 10 = 30 > 23.37, so projected = 300 + 20 × 30 = 900.
        var status = BudgetProjection.Status(1000m, 300m, November, Tenth, LastThreeMonths, "USD");

        Assert.Equal(300m, status.Spent);
        Assert.Equal(700m, status.Remaining);
        Assert.Equal(30.0, status.Percent);
        Assert.Equal(900.00m, status.Projected);
        Assert.Equal(new DateOnly(2026, 11, 1), status.Start);
        Assert.Equal(new DateOnly(2026, 11, 30), status.End);
    }

    [Fact]
    public void Status_SlowStart_ProjectsAtLeastTheUsualDailyRate()
    {
        // pace = 100 / 10 = 10 < 23.3695652, so projected = 100 + 20 × 2150 / 92 = 100 + 467.391304 = 567.39.
        var status = BudgetProjection.Status(1000m, 100m, November, Tenth, LastThreeMonths, "USD");

        Assert.Equal(567.39m, status.Projected);
    }

    [Fact]
    public void Status_WithoutHistory_ProjectsThePaceAlone()
    {
        var week = ReportPeriod.Containing(PeriodKind.Week, new DateOnly(2026, 11, 20), WeekStart.Monday, 1);

        // Monday 16 to Sunday 22 November; Friday the 20th is day 5: pace 50 / 5 = 10, 2 days left → 70.
        var status = BudgetProjection.Status(60m, 50m, week, new DateOnly(2026, 11, 20), [], "USD");

        Assert.Equal(70m, status.Projected);
        Assert.Equal(10m, status.Remaining);
    }

    [Fact]
    public void Status_OnTheLastDay_ProjectsWhatWasSpent()
    {
        var status = BudgetProjection.Status(1000m, 412.5m, November, new DateOnly(2026, 11, 30), LastThreeMonths, "USD");

        Assert.Equal(412.50m, status.Projected);
    }

    [Fact]
    public void Status_Overspent_HasNegativeRemainingAndPercentAboveHundred()
    {
        var status = BudgetProjection.Status(250m, 300m, November, Tenth, [], "USD");

        Assert.Equal(-50m, status.Remaining);
        Assert.Equal(120.0, status.Percent);
        Assert.Equal(900m, status.Projected);
    }

    [Fact]
    public void Status_InACurrencyWithoutDecimals_RoundsToWholeUnits()
    {
        // pace = 1000 / 3 = 333.33…; 27 days left: 1000 + 9000 = 10000 exactly, usual 0.
        var status = BudgetProjection.Status(9000m, 1000m, November, new DateOnly(2026, 11, 3), [], "JPY");
        Assert.Equal(10000m, status.Projected);

        // usual = 1000 / 3 = 333.33… a day over the 3 recorded days: 700 + 27 × 333.33… = 9700.
        var slow = BudgetProjection.Status(9000m, 700m, November, new DateOnly(2026, 11, 3), [new PeriodSpend(1000m, 3)], "JPY");
        Assert.Equal(9700m, slow.Projected);
        Assert.Equal(7.78, slow.Percent);
    }

    [Fact]
    public void Status_OnAPayDayMonthInANonUtcZone_UsesTheUsersTodayAndMonth()
    {
        // 20:00 UTC on 24 November is 01:30 on the 25th in Kolkata: the first day of the pay-day month
        // 25 November – 24 December (30 days), so 1 day elapsed and 29 remain.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero));
        var today = ReportPeriod.Today(clock, "Asia/Kolkata");
        var month = ReportPeriod.Containing(PeriodKind.Month, today, WeekStart.Monday, 25);

        var status = BudgetProjection.Status(5000m, 40m, month, today, [new PeriodSpend(3100m, 31)], "INR");

        Assert.Equal(new DateOnly(2026, 11, 25), status.Start);
        Assert.Equal(new DateOnly(2026, 12, 24), status.End);
        // pace 40 a day is below the usual 3100 / 31 = 100, so 40 + 29 × 100 = 2940.
        Assert.Equal(2940m, status.Projected);
    }
}
