using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>
/// Finds the visible trailing digits of the user's own account or card. Counterparty accounts
/// ("to A/c XX12" on a debit, "from A/c XX34" on a credit, "Acct XX56 credited"), mobile numbers and
/// "SMS BLOCK" instructions are skipped; when both a card and its account are named, the account wins.
/// </summary>
internal static partial class AccountTailReader
{
    private enum Kind
    {
        Unknown,
        Card,
        Account,
    }

    private readonly record struct Mention(int Start, string Token, Kind Kind);

    public static string? Read(string text, SmsDirection direction, Regex? templatePattern)
    {
        if (templatePattern?.Match(text) is { Success: true } custom)
        {
            return TailOf(FieldGroup.Of(custom, "account").Value);
        }

        var spaced = GluedAccountLabel().Replace(text, "$1 ");
        var mentions = new List<Mention>();
        foreach (Match match in Labelled().Matches(spaced))
        {
            var token = match.Groups["tok"];
            var label = match.Groups["label"].Value;
            var kind = KindOfLabel(label, spaced, match.Index);
            mentions.Add(new Mention(token.Index, token.Value, kind));
        }

        foreach (Match match in Masked().Matches(spaced))
        {
            if (mentions.Any(m => m.Start <= match.Index && match.Index < m.Start + m.Token.Length))
            {
                continue;
            }

            mentions.Add(new Mention(match.Index, match.Value, KindBefore(spaced, match.Index)));
        }

        var own = mentions
            .Where(m => !IsCounterparty(spaced, m, direction))
            .OrderBy(m => m.Start)
            .ToList();
        var chosen = own.FirstOrDefault(m => m.Kind == Kind.Account);
        if (chosen.Token is null)
        {
            chosen = own.FirstOrDefault();
        }

        return chosen.Token is null ? null : TailOf(chosen.Token);
    }

    public static string? TailOf(string token)
    {
        var lastMask = token.LastIndexOfAny(['X', 'x', '*', '#', '•', '.', '-', ' ']);
        var digits = new string(token[(lastMask + 1)..].Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            return null;
        }

        return digits.Length > 4 ? digits[^4..] : digits;
    }

    private static Kind KindOfLabel(string label, string text, int index)
    {
        var lower = label.ToLowerInvariant();
        if (lower.Contains("card", StringComparison.Ordinal) || lower.Contains("crd", StringComparison.Ordinal))
        {
            return Kind.Card;
        }

        return lower.StartsWith("end", StringComparison.Ordinal) || lower.StartsWith("final", StringComparison.Ordinal) ? KindBefore(text, index) is Kind.Card ? Kind.Card : Kind.Account : Kind.Account;
    }

    private static Kind KindBefore(string text, int index)
    {
        var before = text[Math.Max(0, index - 25)..index];
        if (CardWord().IsMatch(before))
        {
            return Kind.Card;
        }

        return AccountWord().IsMatch(before) ? Kind.Account : Kind.Unknown;
    }

    private static bool IsCounterparty(string text, Mention mention, SmsDirection direction)
    {
        var before = text[Math.Max(0, mention.Start - 32)..mention.Start];
        if (NeverOwn().IsMatch(before))
        {
            return true;
        }

        // The nearest preposition decides: "paid to SHOP from card **12" is the user's card.
        if (Preposition().Matches(before).LastOrDefault() is { } preposition && !Yours().IsMatch(before[preposition.Index..]))
        {
            var isTowards = preposition.Groups["to"].Success;
            if (direction == SmsDirection.Debit ? isTowards : !isTowards)
            {
                return true;
            }
        }

        var after = text[(mention.Start + mention.Token.Length)..Math.Min(text.Length, mention.Start + mention.Token.Length + 16)];
        return direction == SmsDirection.Debit ? CreditedAfter().IsMatch(after) : DebitedAfter().IsMatch(after);
    }

    [GeneratedRegex(@"(?i)(a/c|acct|ac)(?=[x*#]+\d)", RegexOptions.None, 100)]
    private static partial Regex GluedAccountLabel();

    [GeneratedRegex(
        @"(?<label>\b(?:a/c|a/cs|acct|acc|account|ac|card|crd)\b\.?(?:\s*(?:no|number|num)\b\.?)?|\b(?:ending|ends|final)(?:\s+(?:with|in))?)[\s:#.]*(?<tok>[0-9Xx*#•][0-9Xx*#•\-]*\d|\d)(?![\d])",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"(?<![\w@/.])(?:\d{0,8}-?(?:[Xx*#•]{2,}|\.{3})|\d{1,8}\*)[0-9Xx*#•\-]*\d{2,}(?![\d#])", RegexOptions.None, 100)]
    private static partial Regex Masked();

    [GeneratedRegex(@"card|crd", RegexOptions.IgnoreCase, 100)]
    private static partial Regex CardWord();

    [GeneratedRegex(@"\b(?:a/c|acct|acc|account|ac)\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex AccountWord();

    [GeneratedRegex(@"(?:\bblock\w*|\bmobile(?:\s+no\.?)?|\bfor\s+(?:a/c|account)(?:\s+no\.?)?|\bsender(?:'s)?\s+(?:a/c|acct|account)|\bbeneficiary\s+(?:a/c|acct|account)|\biban)[\s:#.]*$", RegexOptions.IgnoreCase, 100)]
    private static partial Regex NeverOwn();

    [GeneratedRegex(@"(?<to>(?<!linked\s)\b(?:to|into)\b)|\b(?:from|frm)\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex Preposition();

    [GeneratedRegex(@"\b(?:your|ur)\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex Yours();

    [GeneratedRegex(@"^[\s/]*(?:is\s+|has\s+been\s+|will\s+be\s+)?credited\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex CreditedAfter();

    [GeneratedRegex(@"^[\s/]*(?:is\s+|has\s+been\s+)?debited\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex DebitedAfter();
}
