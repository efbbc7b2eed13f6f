using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>Finds the balance (or available credit limit) a bank reports after the transaction.</summary>
internal static partial class BalanceReader
{
    public sealed record Result(decimal? Balance, List<TextSpan> Spans);

    public static Result Read(string text, string? homeCurrency, Regex? templatePattern)
    {
        var spans = new List<TextSpan>();
        decimal? balance = null;
        if (templatePattern?.Match(text) is { Success: true } custom)
        {
            var group = FieldGroup.Of(custom, "balance");
            balance = MoneyScanner.ParseNumber(group.Value);
            spans.Add(new TextSpan(group.Index, group.Index + group.Length));
        }

        foreach (Match label in Label().Matches(text))
        {
            var end = label.Index + label.Length;
            var mention = MoneyScanner.FirstAt(text, end, homeCurrency, maxFiller: 24);
            if (mention is null || !Filler().IsMatch(text[end..mention.Start]))
            {
                continue;
            }

            spans.Add(new TextSpan(label.Index, mention.End));
            balance ??= IsOverdrawn(text, mention.End) ? -Math.Abs(mention.Value) : mention.Value;
        }

        foreach (Match trailing in AmountThenBal().Matches(text))
        {
            var mention = MoneyScanner.FirstAt(text, trailing.Index, homeCurrency, maxFiller: 0);
            if (mention is not null)
            {
                spans.Add(new TextSpan(trailing.Index, trailing.Index + trailing.Length));
                balance ??= mention.Value;
            }
        }

        return new Result(balance, spans);
    }

    // "Bal Rs 1,234.00 DR" is an overdrawn account.
    private static bool IsOverdrawn(string text, int end) => OverdrawnSuffix().IsMatch(text.AsSpan(end));

    [GeneratedRegex(
        @"\b(?:(?:avl|avb|aval|avail|avlbl|avbl|av|available|updated|current|new|final|clear|cleared|closing|ledger|remaining|total|net|your)\.?\s*(?:cr\.?\s*|credit\s+)?(?:bal(?:ance)?|lmt|limit)\b\.?|(?:avlbl|avl|available)\s*amt\b|bal(?:ance)?\b\.?|avail\.?\s*bal\b\.?|available\s+(?:credit\s+)?limit\b)",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Label();

    [GeneratedRegex(
        @"^(?:[\s:.=,-]|\b(?:is|was|of|now|as|in|your|account|a/c|after|txn|available)\b|\b[A-Za-z]+\s+wallet\b)*$",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Filler();

    [GeneratedRegex(@"-?(?:\$|[A-Z]{3}\s?|Rs\.?\s?)\d[\d,]*(?:\.\d+)?\s+bal\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex AmountThenBal();

    [GeneratedRegex(@"^\s*DR\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex OverdrawnSuffix();
}
