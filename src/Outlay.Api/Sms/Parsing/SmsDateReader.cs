using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>
/// Reads the first complete transaction date in the body. Dates without a year ("on 17-12", "27NOV")
/// are ignored; all-numeric dates follow the bank's date order, falling back to the other order only
/// when the first reading is impossible (a month of 19).
/// </summary>
internal static partial class SmsDateReader
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateOnly? Read(string text, SmsDateOrder order)
    {
        var candidates = new List<(int Index, DateOnly Date)>();
        foreach (Match m in DayMonthNameYear().Matches(text))
        {
            Add(candidates, m.Index, Year(m.Groups["y"].Value), MonthOf(m.Groups["mon"].Value), Number(m.Groups["d"].Value));
        }

        foreach (Match m in MonthNameDayYear().Matches(text))
        {
            Add(candidates, m.Index, Year(m.Groups["y"].Value), MonthOf(m.Groups["mon"].Value), Number(m.Groups["d"].Value));
        }

        foreach (Match m in IsoDate().Matches(text))
        {
            Add(candidates, m.Index, Number(m.Groups["y"].Value), Number(m.Groups["m"].Value), Number(m.Groups["d"].Value));
        }

        foreach (Match m in NumericDate().Matches(text))
        {
            if (candidates.Any(c => c.Index == m.Index) || IsDottedTime(text, m))
            {
                continue;
            }

            var (a, b, c) = (m.Groups["a"].Value, m.Groups["b"].Value, m.Groups["c"].Value);
            if (ReadNumeric(a, b, c, order) is { } date)
            {
                candidates.Add((m.Index, date));
            }
        }

        return candidates.Count == 0 ? null : candidates.MinBy(c => c.Index).Date;
    }

    // "at 10.15.40" is a time written with dots, not a date.
    private static bool IsDottedTime(string text, Match m) =>
        m.Groups["sep"].Value == "." && m.Groups["c"].Length == 2 && DottedTimePrefix().IsMatch(text.AsSpan(0, m.Index));

    private static DateOnly? ReadNumeric(string a, string b, string c, SmsDateOrder order)
    {
        var (x, y) = (Number(a), Number(b));
        if (order == SmsDateOrder.YearFirst && c.Length == 2 && a.Length == 2)
        {
            return Create(Year(a), y, Number(c));
        }

        var year = Year(c);
        return order == SmsDateOrder.MonthFirst
            ? Create(year, x, y) ?? Create(year, y, x)
            : Create(year, y, x) ?? Create(year, x, y);
    }

    private static void Add(List<(int, DateOnly)> candidates, int index, int year, int month, int day)
    {
        if (Create(year, month, day) is { } date)
        {
            candidates.Add((index, date));
        }
    }

    private static DateOnly? Create(int year, int month, int day) =>
        year is >= 1990 and <= 2099 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Year(string value) => value.Length == 2 ? 2000 + Number(value) : Number(value);

    private static int Number(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static int MonthOf(string name) => Array.IndexOf(Months, name[..3].ToLowerInvariant()) + 1;

    private const string MonthName =
        @"(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})(?:st|nd|rd|th)?[-/ .]?" + MonthName + @"[-/ .,']{0,2}(?<y>20\d{2}|\d{2})(?![\d:])", RegexOptions.IgnoreCase, 100)]
    private static partial Regex DayMonthNameYear();

    [GeneratedRegex(@"\bat\s*$", RegexOptions.IgnoreCase, 100)]
    private static partial Regex DottedTimePrefix();

    [GeneratedRegex(@"\b" + MonthName + @"\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>20\d{2})(?!\d)", RegexOptions.IgnoreCase, 100)]
    private static partial Regex MonthNameDayYear();

    [GeneratedRegex(@"(?<![\d/.-])(?<y>20\d{2})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)", RegexOptions.None, 100)]
    private static partial Regex IsoDate();

    // A two-digit year may run straight into the time ("19.01.2511:53").
    [GeneratedRegex(@"(?<![\d/.-])(?<a>\d{1,2})(?<sep>[-/.])(?<b>\d{1,2})\k<sep>(?<c>\d{2}(?=\d{1,2}:\d{2})|(?:\d{4}|\d{2})(?![\d/]|\.\d))", RegexOptions.None, 100)]
    private static partial Regex NumericDate();
}
