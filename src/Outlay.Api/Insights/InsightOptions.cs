using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Insights;

/// <summary>
/// When a tip is worth showing (section <c>Outlay:Insights</c>). Read through <c>IOptionsMonitor</c> at
/// each computation, so a changed setting applies to the next uncached answer.
/// </summary>
public sealed class InsightOptions
{
    public const string SectionName = "Outlay:Insights";

    /// <summary>A category's spend this month so far must exceed its usual spend over the same days by this many percent.</summary>
    [Range(1, 1000)]
    public int CategorySpikePercent { get; set; } = 30;

    /// <summary>Complete months of records (of the last three) a comparison with "usual" needs.</summary>
    [Range(1, 3)]
    public int MinMonthsOfHistory { get; set; } = 2;

    /// <summary>An expense is unusual above the category's mean plus this many standard deviations.</summary>
    [Range(1.0, 10.0)]
    public double UnusualStdDevs { get; set; } = 3;

    /// <summary>Expenses of a category (not counting the one judged) needed before anything is called unusual.</summary>
    [Range(3, 1000)]
    public int MinSamples { get; set; } = 8;

    /// <summary>Days of history the unusual-expense statistics are drawn from.</summary>
    [Range(30, 730)]
    public int UnusualLookbackDays { get; set; } = 180;

    /// <summary>Only expenses this recent are reported as unusual: older ones are no longer news.</summary>
    [Range(1, 90)]
    public int UnusualRecentDays { get; set; } = 30;

    /// <summary>Payments to one merchant needed before they count as recurring.</summary>
    [Range(2, 52)]
    public int RecurringMinOccurrences { get; set; } = 3;

    /// <summary>How far (in percent of the typical amount) a payment may differ and still be the same recurring payment.</summary>
    [Range(0, 50)]
    public int RecurringAmountTolerancePercent { get; set; } = 10;

    /// <summary>The weekend's daily spend must differ from the weekdays' by this many percent to be a pattern.</summary>
    [Range(10, 1000)]
    public int PatternDifferencePercent { get; set; } = 50;

    /// <summary>Complete weeks compared for the weekday/weekend pattern (at least four with records are needed).</summary>
    [Range(4, 52)]
    public int PatternWeeks { get; set; } = 12;

    /// <summary>The cut the savings tip prices, in percent of the category's spend.</summary>
    [Range(1, 100)]
    public int SavingsCutPercent { get; set; } = 20;

    /// <summary>Category names (case-insensitive) that count as discretionary; empty means the built-in list.</summary>
    public List<string> DiscretionaryCategories { get; set; } = [];

    public IReadOnlyList<string> EffectiveDiscretionaryCategories =>
        DiscretionaryCategories.Count > 0 ? DiscretionaryCategories : BuiltInDiscretionaryCategories;

    public static readonly IReadOnlyList<string> BuiltInDiscretionaryCategories =
        ["Food & Dining", "Shopping", "Entertainment", "Travel", "Subscriptions"];
}
