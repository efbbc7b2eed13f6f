using System.Globalization;
using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

internal static partial class MoneyScanner
{
    public static List<MoneyMention> FindAll(string text, string? homeCurrency)
    {
        var mentions = new List<MoneyMention>();
        foreach (Match match in PrefixedAmount().Matches(text))
        {
            var written = match.Groups["cur"].Value;
            if (!IsCurrencyToken(written))
            {
                continue;
            }

            Add(mentions, match, CurrencyCodes.Resolve(written, homeCurrency));
        }

        foreach (Match match in SuffixedAmount().Matches(text))
        {
            var written = match.Groups["cur"].Value;
            if (CurrencyCodes.IsCodeInText(written) && !Overlaps(mentions, match.Index, match.Index + match.Length))
            {
                Add(mentions, match, written);
            }
        }

        if (mentions.Count == 0)
        {
            foreach (Match match in LabelledBareAmount().Matches(text))
            {
                Add(mentions, match, homeCurrency);
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    public static MoneyMention? FirstAt(string text, int start, string? homeCurrency, int maxFiller)
    {
        var match = PrefixedAmount().Match(text, start);
        while (match.Success && !IsCurrencyToken(match.Groups["cur"].Value))
        {
            match = match.NextMatch();
        }

        var suffixed = SuffixedAmount().Match(text, start);
        while (suffixed.Success && !CurrencyCodes.IsCodeInText(suffixed.Groups["cur"].Value))
        {
            suffixed = suffixed.NextMatch();
        }

        var bare = BareNumber().Match(text, start);
        Match? best = null;
        string? currency = null;
        if (match.Success && match.Index - start <= maxFiller)
        {
            best = match;
            currency = CurrencyCodes.Resolve(match.Groups["cur"].Value, homeCurrency);
        }

        if (suffixed.Success && suffixed.Index - start <= maxFiller && (best is null || suffixed.Index < best.Index))
        {
            best = suffixed;
            currency = suffixed.Groups["cur"].Value;
        }

        if (bare.Success && bare.Index - start <= maxFiller && (best is null || bare.Index + bare.Length <= best.Index))
        {
            best = bare;
            currency = homeCurrency;
        }

        if (best is null)
        {
            return null;
        }

        var value = ParseNumber(best.Groups["num"].Value);
        if (value is null)
        {
            return null;
        }

        var negative = best.Groups["neg"].Success && best.Groups["neg"].Value.Length > 0;
        return new MoneyMention(best.Index, best.Index + best.Length, negative ? -value.Value : value.Value, currency);
    }

    public static decimal? ParseNumber(string raw)
    {
        var s = raw.Trim().TrimEnd(',');
        if (s.Length == 0)
        {
            return null;
        }

        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        var commas = s.Count(c => c == ',');
        if (lastComma > lastDot && (lastDot >= 0 || (commas == 1 && s.Length - lastComma - 1 is 1 or 2)))
        {
            // "1.234,56" or "12,50": a thousands group always has three digits, so this comma is decimal.
            s = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else
        {
            s = s.Replace(",", "", StringComparison.Ordinal);
            var keep = s.LastIndexOf('.');
            if (keep > 0 && s.IndexOf('.', StringComparison.Ordinal) != keep)
            {
                s = s[..keep].Replace(".", "", StringComparison.Ordinal) + s[keep..];
            }
        }

        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static bool IsCurrencyToken(string written) =>
        written.Length != 3 || !written.All(char.IsAsciiLetterUpper) || CurrencyCodes.IsCodeInText(written);

    private static void Add(List<MoneyMention> mentions, Match match, string? currency)
    {
        var value = ParseNumber(match.Groups["num"].Value);
        if (value is null)
        {
            return;
        }

        var negative = match.Groups["neg"].Success && match.Groups["neg"].Value.Length > 0;
        mentions.Add(new MoneyMention(match.Index, match.Index + match.Length, negative ? -value.Value : value.Value, currency));
    }

    private static bool Overlaps(List<MoneyMention> mentions, int start, int end) =>
        mentions.Any(m => m.Start < end && start < m.End);

    // "1.234,56" (European) before the usual "1,20,000.00" / "1,234.56" / "2.750" / ".93" shapes.
    private const string Number = @"(?<num>\d{1,3}(?:\.\d{3})+,\d{1,2}(?!\d)|\d[\d,]*(?:\.\d+)*|\.\d+)";

    [GeneratedRegex(
        @"(?<![A-Za-z])(?<neg>-)?(?<![A-Za-z0-9])(?<cur>(?:US|CA|C|AU|A|SG|S|NZ|HK|R)\$|\$|₹|₨|€|£|₦|₱|GH₵|₵|₺|฿|₩|₫|¥|৳|(?i:Rs|Kshs?|TShs?|UShs?|Tk|Dhs?)\.?|INR\.?|RM|SR|QR|KD|Rp|[A-Z]{3}|N(?=\d)|R(?=\d))(?:\s*(?:Rs\.?|₹))?\s*(?<neg>-)?" + Number,
        RegexOptions.None, 100)]
    private static partial Regex PrefixedAmount();

    [GeneratedRegex(@"(?<![\w.,:/-])(?<neg>-)?" + Number + @"\s?(?<cur>[A-Z]{3})(?![A-Za-z])", RegexOptions.None, 100)]
    private static partial Regex SuffixedAmount();

    [GeneratedRegex(
        @"(?i:\b(?:amt|amount)\s*[:.]?\s*|\b(?:debited|credited)\s+(?:by|with|for)\s+)(?<num>\d[\d,]*\.\d{1,3}|\d+)(?![\d/:-])",
        RegexOptions.None, 100)]
    private static partial Regex LabelledBareAmount();

    [GeneratedRegex(@"(?<neg>-)?(?<num>\d[\d,]*(?:\.\d+)?)(?![\d/:-]|\s?[xX])", RegexOptions.None, 100)]
    private static partial Regex BareNumber();
}
