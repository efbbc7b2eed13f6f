using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>
/// A bank's SMS quirks, kept as data so an admin can add a bank at run time.
/// Sender patterns and field patterns are case-insensitive regular expressions; a field pattern
/// yields the group named after its field (<c>amount</c>, <c>merchant</c>, <c>account</c>,
/// <c>balance</c>, <c>reference</c>) or else its first group. A body matching an ignore pattern
/// is not a transaction. Body patterns recognise the bank from its signature ("-HDFC Bank") when the
/// sender id is missing or unknown.
/// </summary>
public sealed record SmsTemplate(
    string Bank,
    IReadOnlyList<string> SenderPatterns,
    string Country,
    string Currency,
    SmsDateOrder DateOrder = SmsDateOrder.DayFirst,
    string? AmountPattern = null,
    string? MerchantPattern = null,
    string? AccountPattern = null,
    string? BalancePattern = null,
    string? ReferencePattern = null,
    IReadOnlyList<string>? IgnorePatterns = null,
    IReadOnlyList<string>? BodyPatterns = null)
{
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Bank))
        {
            errors.Add("bank: required");
        }

        if (SenderPatterns is null || SenderPatterns.Count == 0)
        {
            errors.Add("senderPatterns: at least one pattern is required");
        }

        if (Country is null || !IsUpperLetters(Country, 2))
        {
            errors.Add("country: expected an ISO 3166 two-letter code such as \"IN\"");
        }

        if (Currency is null || !CurrencyCodes.IsKnown(Currency))
        {
            errors.Add("currency: expected an ISO 4217 code such as \"INR\"");
        }

        if (!Enum.IsDefined(DateOrder))
        {
            errors.Add("dateOrder: expected DayFirst, MonthFirst or YearFirst");
        }

        for (var i = 0; i < (SenderPatterns?.Count ?? 0); i++)
        {
            CheckPattern($"senderPatterns[{i}]", SenderPatterns![i], errors);
        }

        CheckPattern("amountPattern", AmountPattern, errors);
        CheckPattern("merchantPattern", MerchantPattern, errors);
        CheckPattern("accountPattern", AccountPattern, errors);
        CheckPattern("balancePattern", BalancePattern, errors);
        CheckPattern("referencePattern", ReferencePattern, errors);
        for (var i = 0; i < (IgnorePatterns?.Count ?? 0); i++)
        {
            CheckPattern($"ignorePatterns[{i}]", IgnorePatterns![i], errors);
        }

        for (var i = 0; i < (BodyPatterns?.Count ?? 0); i++)
        {
            CheckPattern($"bodyPatterns[{i}]", BodyPatterns![i], errors);
        }

        return errors;
    }

    private static bool IsUpperLetters(string value, int length) =>
        value.Length == length && value.All(char.IsAsciiLetterUpper);

    private static void CheckPattern(string field, string? pattern, List<string> errors)
    {
        if (pattern is null)
        {
            return;
        }

        if (pattern.Length == 0)
        {
            errors.Add($"{field}: empty pattern");
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{field}: invalid regular expression ({ex.Message})");
        }
    }
}
