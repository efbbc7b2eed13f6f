using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>
/// Turns a bank / card / wallet SMS into a transaction or a reason to ignore it. General rules do the
/// work; a bank template (matched on the sender id) only supplies the bank's country, currency and date
/// order, plus patterns for quirks the general rules cannot read.
/// </summary>
public sealed partial class SmsParser
{
    private readonly CompiledTemplate[] templates;

    public SmsParser(IEnumerable<SmsTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);

        // Later templates win, so templates an admin adds override the shipped ones.
        this.templates = templates.Select(t => new CompiledTemplate(t)).Reverse().ToArray();
    }

    public static SmsParser CreateDefault() => new(SmsTemplateCatalog.LoadBuiltIn());

    public ParsedSms Parse(string? sender, string body) => Parse(sender, body, countryHint: null);

    /// <param name="countryHint">ISO 3166 code of the user's country, used when the sender alone does not tell.</param>
    public ParsedSms Parse(string? sender, string body, string? countryHint)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return ParseText(sender, body, countryHint);
        }
        catch (RegexMatchTimeoutException)
        {
            // Every pattern has a match timeout; a pathological (or hostile) body is skipped, not fatal.
            return ParsedSms.Ignored("unreadable");
        }
    }

    private ParsedSms ParseText(string? sender, string body, string? countryHint)
    {
        var text = SmsText.Normalize(body);
        var template = (sender is null ? null : templates.FirstOrDefault(t => t.MatchesSender(sender.Trim())))
            ?? templates.FirstOrDefault(t => t.MatchesBody(text));
        var profile = SenderProfile.For(template, countryHint);

        if (template is not null && template.Ignore.Any(r => r.IsMatch(text)))
        {
            return ParsedSms.Ignored("not-financial");
        }

        if (NonTransactionSignals.Classify(text) is { } reason)
        {
            return ParsedSms.Ignored(reason);
        }

        var mentions = MoneyScanner.FindAll(text, profile.HomeCurrency);
        if (profile.HomeCurrency is null && mentions.FirstOrDefault(m => m.Currency is not null)?.Currency is { } bodyCurrency)
        {
            profile = profile.WithBodyCurrency(bodyCurrency);
            mentions = MoneyScanner.FindAll(text, profile.HomeCurrency);
        }

        var balance = BalanceReader.Read(text, profile.HomeCurrency, template?.Balance);
        var excluded = ExcludedSpans(text, profile.HomeCurrency);
        var candidates = mentions
            .Where(m => !balance.Spans.Any(s => s.Overlaps(m.Start, m.End)) && !excluded.Any(s => s.Overlaps(m.Start, m.End)))
            .ToList();
        var direction = DirectionReader.Read(Blank(text, balance.Spans));

        if (NonTransactionSignals.LooksLikeBalanceNotice(text)
            && (NonTransactionSignals.IsPassbook(text) || direction is null || candidates.Count == 0))
        {
            return ParsedSms.Ignored("balance-notice");
        }

        var amount = TemplateAmount(text, template, profile.HomeCurrency) ?? PickAmount(candidates, direction);
        if (amount is null || direction is null)
        {
            return ParsedSms.Ignored(NonTransactionSignals.LooksLikePromotion(text) ? "promotion" : "not-financial");
        }

        var dir = direction.Value.Direction;
        var tail = AccountTailReader.Read(text, dir, template?.Account);
        var reference = ReferenceReader.Read(text, template?.Reference);
        if (NonTransactionSignals.LooksLikePromotion(text) && (tail is null && reference is null && balance.Balance is null))
        {
            return ParsedSms.Ignored("promotion");
        }

        return new ParsedSms(
            IsTransaction: true,
            Direction: dir,
            Amount: amount.Value,
            Currency: amount.Currency ?? profile.HomeCurrency,
            Merchant: MerchantReader.Read(text, dir, amount, template?.Merchant),
            AccountTail: tail,
            Date: SmsDateReader.Read(text, profile.DateOrder),
            Balance: balance.Balance,
            Reference: reference,
            IgnoredReason: null);
    }

    // The amount nearest the verb that decided the direction: "An initial amount of Rs 2 has been debited"
    // beats the mandate limit mentioned earlier in the same SMS.
    private static MoneyMention? PickAmount(List<MoneyMention> candidates, DirectionReader.Result? direction)
    {
        if (candidates.Count <= 1 || direction is null)
        {
            return candidates.FirstOrDefault();
        }

        var anchor = direction.Value.Anchor;
        return candidates.MinBy(m => m.End <= anchor ? anchor - m.End : m.Start - anchor);
    }

    private static MoneyMention? TemplateAmount(string text, CompiledTemplate? template, string? homeCurrency)
    {
        if (template?.Amount?.Match(text) is not { Success: true } match)
        {
            return null;
        }

        var group = FieldGroup.Of(match, "amount");
        var value = MoneyScanner.ParseNumber(group.Value);
        var written = match.Groups["currency"];
        var currency = written.Success ? CurrencyCodes.Resolve(written.Value, homeCurrency) : homeCurrency;
        return value is null ? null : new MoneyMention(group.Index, group.Index + group.Length, value.Value, currency);
    }

    private static List<TextSpan> ExcludedSpans(string text, string? homeCurrency)
    {
        var spans = new List<TextSpan>();
        foreach (Match label in NotTheAmount().Matches(text))
        {
            var end = label.Index + label.Length;
            if (MoneyScanner.FirstAt(text, end, homeCurrency, maxFiller: 12) is { } mention)
            {
                spans.Add(new TextSpan(label.Index, mention.End));
            }
        }

        return spans;
    }

    private static string Blank(string text, List<TextSpan> spans)
    {
        var chars = text.ToCharArray();
        foreach (var span in spans)
        {
            for (var i = span.Start; i < span.End && i < chars.Length; i++)
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    [GeneratedRegex(
        @"\b(?:fee|fees|transaction\s+cost|charges|(?:service|processing|convenience|late|bank)\s+charge|s\.\s?charge|vat|gst|tax|total(?:\s+of)?|within\s+the\s+day\s+is|amt\s+due|amount\s+due|outstanding(?:\s+is)?|upto|max(?:imum)?\s+amount(?:\s+upto)?|limit\s+of)\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex NotTheAmount();
}
