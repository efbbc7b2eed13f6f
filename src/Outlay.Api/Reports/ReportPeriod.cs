using System.Globalization;
using Outlay.Api.Users;

namespace Outlay.Api.Reports;

/// <summary>
/// A week, month or year as the user counts them: weeks start on their week-start day; months and
/// years start on their month-start day (pay-day months: with 25, "November" runs 25 October to
/// 24 November, and the year 2026 runs 25 December 2025 to 24 December 2026). Start and end are
/// inclusive calendar days.
/// </summary>
public sealed record ReportPeriod(PeriodKind Kind, DateOnly Start, DateOnly End, string Label)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public static ReportPeriod Containing(PeriodKind kind, DateOnly day, WeekStart weekStart, int monthStartDay) => kind switch
    {
        PeriodKind.Week => Week(day, weekStart),
        PeriodKind.Month => Month(day, monthStartDay),
        _ => Year(day, monthStartDay),
    };

    public ReportPeriod Previous(WeekStart weekStart, int monthStartDay) =>
        Containing(Kind, Start.AddDays(-1), weekStart, monthStartDay);

    /// <summary>The same period a year earlier: the week of the same date, the month or year with the same label.</summary>
    public ReportPeriod YearAgo(WeekStart weekStart, int monthStartDay) => Kind == PeriodKind.Week
        ? Containing(Kind, Start.AddYears(-1), weekStart, monthStartDay)
        : Containing(Kind, End.AddYears(-1), weekStart, monthStartDay);

    /// <summary>The sub-periods a series is drawn with: days for a week or month, the user's months for a year.</summary>
    public IReadOnlyList<ReportPeriod> Buckets(int monthStartDay)
    {
        if (Kind != PeriodKind.Year)
        {
            return Enumerable.Range(0, Days)
                .Select(offset => Start.AddDays(offset))
                .Select(day => new ReportPeriod(Kind, day, day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
                .ToList();
        }

        var months = new List<ReportPeriod>();
        for (var month = Month(Start, monthStartDay); month.Start <= End; month = Month(month.End.AddDays(1), monthStartDay))
        {
            months.Add(month);
        }

        return months;
    }

    /// <summary>A user's time zone from its IANA id, falling back to UTC for an unknown zone.</summary>
    public static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;

    /// <summary>Today in the user's time zone (IANA id), falling back to UTC for an unknown zone.</summary>
    public static DateOnly Today(TimeProvider clock, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone(timeZone)).DateTime);

    private static ReportPeriod Week(DateOnly day, WeekStart weekStart)
    {
        var first = weekStart == WeekStart.Sunday ? DayOfWeek.Sunday : DayOfWeek.Monday;
        var start = day.AddDays(-(((int)day.DayOfWeek - (int)first + 7) % 7));
        var end = start.AddDays(6);
        var label = start.Year == end.Year
            ? $"{start.ToString("d MMM", CultureInfo.InvariantCulture)} – {end.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
            : $"{start.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} – {end.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        return new ReportPeriod(PeriodKind.Week, start, end, label);
    }

    private static ReportPeriod Month(DateOnly day, int startDay)
    {
        // The month is named after the calendar month in which it ends.
        var named = day.Day >= startDay && startDay > 1 ? day.AddMonths(1) : day;
        var start = startDay == 1 ? new DateOnly(named.Year, named.Month, 1) : new DateOnly(named.Year, named.Month, startDay).AddMonths(-1);
        var end = start.AddMonths(1).AddDays(-1);
        return new ReportPeriod(PeriodKind.Month, start, end, new DateOnly(named.Year, named.Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture));
    }

    private static ReportPeriod Year(DateOnly day, int startDay)
    {
        var namedYear = startDay > 1 && day.Month == 12 && day.Day >= startDay ? day.Year + 1 : day.Year;
        var start = startDay == 1 ? new DateOnly(namedYear, 1, 1) : new DateOnly(namedYear - 1, 12, startDay);
        var end = start.AddYears(1).AddDays(-1);
        return new ReportPeriod(PeriodKind.Year, start, end, namedYear.ToString(CultureInfo.InvariantCulture));
    }
}
