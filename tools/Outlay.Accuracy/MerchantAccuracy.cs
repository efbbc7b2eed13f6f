using System.Globalization;
using CsvHelper;
using Outlay.Api.Categories.AutoCategorisation;

namespace Outlay.Accuracy;

/// <summary>
/// Scores the built-in categoriser (dictionary and normaliser, no admin rules) on a labelled CSV
/// with the header merchant,category,region, as shipped in shared/data/merchants. A report, not a
/// gate: it always returns 0.
/// </summary>
public static class MerchantAccuracy
{
    public static int Run(string csvPath, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!File.Exists(csvPath))
        {
            output.WriteLine($"Labelled merchants not found: {csvPath}");
            return 0;
        }

        var categoriser = new MerchantCategoriser();
        var scored = ReadRows(csvPath).Select(row => Score(categoriser, row)).ToList();

        output.WriteLine($"Merchant categorisation accuracy on {Path.GetFileName(csvPath)}");
        output.WriteLine($"Overall: {Rate(scored)}");
        WriteBreakdown(output, "By category", scored, row => row.Expected, CategoryOrder);
        WriteBreakdown(output, "By region", scored, row => row.Region, region => region);
        WriteMisses(output, scored);
        return 0;
    }

    private static List<LabelledMerchant> ReadRows(string csvPath)
    {
        using var csv = CsvReader.FromFile(csvPath, new CsvReaderOptions { HasHeader = true });
        var rows = new List<LabelledMerchant>();
        while (csv.Read())
        {
            rows.Add(new LabelledMerchant(csv.GetString("merchant"), csv.GetString("category"), csv.GetString("region")));
        }

        return rows;
    }

    private static ScoredMerchant Score(MerchantCategoriser categoriser, LabelledMerchant row)
    {
        var predicted = categoriser.Guess(row.Merchant, note: null, rules: []) ?? DefaultCategoryNames.Other;
        var decidingTerm = categoriser.FindInDictionary(MerchantNormaliser.Normalise(row.Merchant), "")?.Term;
        return new ScoredMerchant(row.Merchant, row.Category, predicted, row.Region, decidingTerm);
    }

    private static void WriteBreakdown(
        TextWriter output, string title, List<ScoredMerchant> scored,
        Func<ScoredMerchant, string> groupBy, Func<string, object> orderBy)
    {
        output.WriteLine();
        output.WriteLine($"{title}:");
        foreach (var group in scored.GroupBy(groupBy).OrderBy(group => orderBy(group.Key)))
        {
            output.WriteLine($"  {group.Key,-18} {Rate([.. group])}");
        }
    }

    private static void WriteMisses(TextWriter output, List<ScoredMerchant> scored)
    {
        var misses = scored.Where(row => !row.IsRight).ToList();
        output.WriteLine();
        output.WriteLine($"Confusion (expected -> predicted), {misses.Count} misses:");
        foreach (var pair in misses.GroupBy(row => (row.Expected, row.Predicted))
                     .OrderByDescending(pair => pair.Count()).ThenBy(pair => pair.Key.Expected, StringComparer.Ordinal))
        {
            output.WriteLine($"  {pair.Key.Expected} -> {pair.Key.Predicted}: {pair.Count()}");
            foreach (var miss in pair)
            {
                output.WriteLine($"      {miss.Merchant}  [{miss.Region}; {miss.DecidingTerm ?? "no dictionary match"}]");
            }
        }
    }

    private static object CategoryOrder(string category)
    {
        var index = DefaultCategoryNames.All.ToList().IndexOf(category);
        return index < 0 ? int.MaxValue : index;
    }

    private static string Rate(IReadOnlyCollection<ScoredMerchant> rows)
    {
        var right = rows.Count(row => row.IsRight);
        var percent = rows.Count == 0 ? 0 : 100.0 * right / rows.Count;
        return string.Create(CultureInfo.InvariantCulture, $"{right,4}/{rows.Count,-4} {percent,6:F1}%");
    }

    private sealed record LabelledMerchant(string Merchant, string Category, string Region);

    private sealed record ScoredMerchant(string Merchant, string Expected, string Predicted, string Region, string? DecidingTerm)
    {
        public bool IsRight => string.Equals(Expected, Predicted, StringComparison.Ordinal);
    }
}
