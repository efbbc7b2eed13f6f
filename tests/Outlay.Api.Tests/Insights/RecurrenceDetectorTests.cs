using Outlay.Api.Insights;

namespace Outlay.Api.Tests.Insights;

public sealed class RecurrenceDetectorTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static Payment[] Monthly(decimal amount, params string[] days) =>
        [.. days.Select(d => new Payment(DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture), amount))];

    [Fact]
    public void Detect_MonthlyChargeOnTheSameDay_ReportsTwelveTimesTheLatestAmount()
    {
        var payments = Monthly(15.49m, "2026-08-05", "2026-09-05", "2026-10-05", "2026-11-05");

        var found = RecurrenceDetector.Detect(payments, 3, 10, Today);

        Assert.NotNull(found);
        Assert.Equal(RecurrenceInterval.Monthly, found.Interval);
        Assert.Equal(4, found.Occurrences);
        Assert.Equal(15.49m, found.Amount);
        Assert.Equal(185.88m, found.YearlyCost);
        Assert.Equal(new DateOnly(2026, 12, 5), found.NextOn);
    }

    [Fact]
    public void Detect_WeeklyPaymentsThatVaryWithinTolerance_AreWeekly()
    {
        Payment[] payments = [new(new DateOnly(2026, 10, 30), 20m), new(new DateOnly(2026, 11, 6), 21m), new(new DateOnly(2026, 11, 13), 19.5m), new(new DateOnly(2026, 11, 20), 20.5m)];

        var found = RecurrenceDetector.Detect(payments, 3, 10, Today);

        Assert.Equal(RecurrenceInterval.Weekly, found?.Interval);
        Assert.Equal(20.5m * 52, found?.YearlyCost);
    }

    [Fact]
    public void Detect_YearlyRenewalAcrossALeapYear_IsYearly()
    {
        var payments = Monthly(99m, "2024-02-29", "2025-03-01", "2026-03-01");

        var found = RecurrenceDetector.Detect(payments, 3, 10, Today);

        Assert.Equal(RecurrenceInterval.Yearly, found?.Interval);
        Assert.Equal(99m, found?.YearlyCost);
    }

    [Fact]
    public void Detect_OneOffPurchaseAtTheSameMerchant_IsIgnored()
    {
        var payments = Monthly(9.99m, "2026-08-12", "2026-09-12", "2026-10-12", "2026-11-12").Append(new Payment(new DateOnly(2026, 10, 20), 120m));

        var found = RecurrenceDetector.Detect(payments, 3, 10, Today);

        Assert.Equal(RecurrenceInterval.Monthly, found?.Interval);
        Assert.Equal(4, found?.Occurrences);
    }

    [Fact]
    public void Detect_IrregularGaps_FindsNothing() =>
        Assert.Null(RecurrenceDetector.Detect(Monthly(30m, "2026-08-01", "2026-08-20", "2026-10-02", "2026-11-15"), 3, 10, Today));

    [Fact]
    public void Detect_FewerThanTheMinimum_FindsNothing() =>
        Assert.Null(RecurrenceDetector.Detect(Monthly(15m, "2026-10-05", "2026-11-05"), 3, 10, Today));

    [Fact]
    public void Detect_AmountsBeyondTheTolerance_FindsNothing()
    {
        Payment[] payments = [new(new DateOnly(2026, 9, 5), 10m), new(new DateOnly(2026, 10, 5), 13m), new(new DateOnly(2026, 11, 5), 16m)];

        Assert.Null(RecurrenceDetector.Detect(payments, 3, 10, Today));
    }

    [Fact]
    public void Detect_APaymentThatStopped_FindsNothing() =>
        Assert.Null(RecurrenceDetector.Detect(Monthly(15m, "2026-05-05", "2026-06-05", "2026-07-05", "2026-08-05"), 3, 10, Today));
}
