namespace Outlay.Api.Insights;

public enum RecurrenceInterval
{
    Weekly,
    Monthly,
    Yearly,
}

public sealed record Payment(DateOnly Day, decimal Amount);

public sealed record RecurringPayment(RecurrenceInterval Interval, decimal Amount, int Occurrences, DateOnly LastOn, DateOnly NextOn, decimal YearlyCost);

/// <summary>Finds a regular payment among one merchant's expenses.</summary>
public static class RecurrenceDetector
{
    private sealed record Band(RecurrenceInterval Interval, int MinDays, int MaxDays, int TypicalDays, int PerYear);

    // Monthly allows for 28–31-day months and a charge that slips over a weekend; yearly for leap years and slips.
    private static readonly Band[] Bands =
    [
        new(RecurrenceInterval.Weekly, 6, 8, 7, 52),
        new(RecurrenceInterval.Monthly, 26, 35, 30, 12),
        new(RecurrenceInterval.Yearly, 350, 380, 365, 1),
    ];

    /// <summary>
    /// The payments within ±<paramref name="tolerancePercent"/> of the median amount (so one-off purchases at
    /// the same merchant don't break the pattern) must number at least <paramref name="minOccurrences"/>, and
    /// every gap between them must fall in one band (weekly 6–8 days, monthly 26–35, yearly 350–380). A payment
    /// whose next charge is overdue by more than half an interval has stopped and is not reported. The yearly
    /// cost is the latest amount times 52, 12 or 1.
    /// </summary>
    public static RecurringPayment? Detect(IEnumerable<Payment> payments, int minOccurrences, int tolerancePercent, DateOnly today)
    {
        var all = payments.OrderBy(p => p.Day).ToList();
        if (all.Count < minOccurrences)
        {
            return null;
        }

        var amounts = all.Select(p => p.Amount).Order().ToList();
        var median = amounts.Count % 2 == 1 ? amounts[amounts.Count / 2] : (amounts[(amounts.Count / 2) - 1] + amounts[amounts.Count / 2]) / 2;
        var tolerance = median * tolerancePercent / 100m;
        var similar = all.Where(p => Math.Abs(p.Amount - median) <= tolerance).ToList();
        if (similar.Count < minOccurrences)
        {
            return null;
        }

        var gaps = similar.Zip(similar.Skip(1), (a, b) => b.Day.DayNumber - a.Day.DayNumber).ToList();
        var band = Bands.FirstOrDefault(b => gaps.All(gap => gap >= b.MinDays && gap <= b.MaxDays));
        if (band is null)
        {
            return null;
        }

        var last = similar[^1];
        var next = last.Day.AddDays(band.TypicalDays);
        if (today.DayNumber > next.DayNumber + (band.TypicalDays / 2))
        {
            return null;
        }

        return new RecurringPayment(band.Interval, last.Amount, similar.Count, last.Day, next, last.Amount * band.PerYear);
    }
}
