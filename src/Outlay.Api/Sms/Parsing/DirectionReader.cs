using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>
/// Decides whether money left or reached the user's account. The verb that comes first names the
/// user's side ("debited from A/c X ... and credited to Y" is a debit), explicit Dr/Cr amount labels
/// beat verbs, and refunds or reversals are always credits.
/// </summary>
internal static partial class DirectionReader
{
    public readonly record struct Result(SmsDirection Direction, int Anchor);

    public static Result? Read(string text)
    {
        if (AmountLabel().Match(text) is { Success: true } label)
        {
            return new Result(label.Groups["debit"].Success ? SmsDirection.Debit : SmsDirection.Credit, label.Index);
        }

        if (Refund().Match(text) is { Success: true } refund)
        {
            return new Result(SmsDirection.Credit, refund.Index);
        }

        if (CreditedToBeneficiary().Match(text) is { Success: true } beneficiary)
        {
            return new Result(SmsDirection.Debit, beneficiary.Index);
        }

        var debit = StrongDebit().Match(text);
        var credit = StrongCredit().Match(text);
        if (debit.Success || credit.Success)
        {
            return !credit.Success || (debit.Success && debit.Index < credit.Index)
                ? new Result(SmsDirection.Debit, debit.Index)
                : new Result(SmsDirection.Credit, credit.Index);
        }

        var weak = WeakDebit().Match(text);
        return weak.Success ? new Result(SmsDirection.Debit, weak.Index) : null;
    }

    public static bool HasCompletedCredit(string text) => CompletedCredit().IsMatch(text);

    [GeneratedRegex(@"\b(?:(?<debit>DR|Dr|DEBIT|Debit|debit)|(?<credit>CR|Cr|CREDIT|Credit|credit))\.?\s*(?:Amt\b|:\s*(?=\D{0,8}\d))", RegexOptions.None, 100)]
    private static partial Regex AmountLabel();

    [GeneratedRegex(@"\b(?:refunded|refund|reversed|reversal|reverted)\b(?!\s+(?:will|is being|shall))", RegexOptions.IgnoreCase, 100)]
    private static partial Regex Refund();

    [GeneratedRegex(@"\bcredited\s+to\s+(?:the\s+)?beneficiary", RegexOptions.IgnoreCase, 100)]
    private static partial Regex CreditedToBeneficiary();

    [GeneratedRegex(
        @"(?<![/\w])(?:debited|debit(?!\s*(?:card|/|consumer))|dr\b(?!\s*/)|spent|withdrawn|withdrawal|paid|sent(?!\s+(?:by|to\s+your))|deducted|charged|transferr?ed(?!\s+(?:to\s+your|into))|trf\s+to|transfer\s+to|purchased?|used\s+(?:for|at))\b|(?<!\w)(?:from|frm)\s+(?:your\s+)?(?:a/c|acct|account)(?=[\sXx*:#.\d])",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex StrongDebit();

    [GeneratedRegex(
        @"(?<![/\w])(?:credited|credit(?!\s*(?:card|limit|crd|/))|cr\b(?![/.]?\s*(?:limit|crd|card|/))|received|deposited|deposit|cashback|loaded|incoming|inward|into\s+your\s+(?:account|a/?c))\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex StrongCredit();

    [GeneratedRegex(@"\b(?:payment|pmt|txn|transaction|trx|charge|approved|transfer|processed|made|authori[sz]ation|thank\s+you\s+for\s+using|card\s+\S+\s+at)\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex WeakDebit();

    [GeneratedRegex(@"\b(?:has been|have been|was|is|been)\s+(?:credited|refunded|reversed)\b|\bcredited\s+(?:to|in|into)\s+your\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex CompletedCredit();
}
