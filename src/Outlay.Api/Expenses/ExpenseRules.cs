namespace Outlay.Api.Expenses;

/// <summary>Field rules every way of entering an expense shares (API, CSV import, SMS).</summary>
public static class ExpenseRules
{
    public const int MaxMerchantLength = 200;
    public const int MaxNoteLength = 1000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int MaxPaymentMethodLength = 40;

    /// <summary>Calendar days outside this window are typos, not history or plans.</summary>
    public static readonly DateOnly EarliestDay = new(1970, 1, 1);

    public static DateOnly LatestDay(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(1);

    public static string? CheckDay(DateOnly day, TimeProvider clock) =>
        day < EarliestDay || day > LatestDay(clock)
            ? $"The date must be between {EarliestDay:yyyy-MM-dd} and {LatestDay(clock):yyyy-MM-dd}."
            : null;

    /// <summary>Trims, drops empties and duplicates (case-insensitively); null when a tag breaks a rule.</summary>
    public static (List<string> Tags, string? Error) NormalizeTags(IEnumerable<string?>? tags)
    {
        var cleaned = (tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())
            .DistinctBy(t => t.ToLowerInvariant()).ToList();
        if (cleaned.Count > MaxTags)
        {
            return (cleaned, $"At most {MaxTags} tags.");
        }

        return cleaned.Any(t => t.Length > MaxTagLength)
            ? (cleaned, $"A tag has at most {MaxTagLength} characters.")
            : (cleaned, null);
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
