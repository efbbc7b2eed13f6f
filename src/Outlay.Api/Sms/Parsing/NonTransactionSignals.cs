using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>
/// Wording that marks an SMS as something other than a completed money movement. Each check returns the
/// machine word reported as <see cref="ParsedSms.IgnoredReason"/>.
/// </summary>
internal static partial class NonTransactionSignals
{
    public static string? Classify(string text)
    {
        if (Spam().IsMatch(text))
        {
            return "promotion";
        }

        if (Otp().IsMatch(SafetyAdvice().Replace(text, " ")))
        {
            return "otp";
        }

        if (Declined().IsMatch(text) && !DirectionReader.HasCompletedCredit(text))
        {
            return "declined";
        }

        if (Future().IsMatch(text) && !CompletedVerb().IsMatch(Future().Replace(text, " ")))
        {
            return "future-debit";
        }

        if (Mandate().IsMatch(text) && !ExecutedDebit().IsMatch(text))
        {
            return "mandate";
        }

        if (Request().IsMatch(text))
        {
            return "request";
        }

        if (Reminder().IsMatch(text))
        {
            return "reminder";
        }

        if (Blocked().IsMatch(text))
        {
            return "blocked";
        }

        return Informational().IsMatch(text) ? "not-financial" : null;
    }

    // Service information that quotes an amount ("refunds are processed within 5 days").
    [GeneratedRegex(@"\b(?:are|is|will\s+be)\s+processed\s+within\b|\bplease\s+note\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex Informational();

    public static bool LooksLikeBalanceNotice(string text) => BalanceNotice().IsMatch(text);

    public static bool IsPassbook(string text) => Passbook().IsMatch(text);

    public static bool LooksLikePromotion(string text) => Promotion().IsMatch(text);

    [GeneratedRegex(@"\b(?:suspected spam|rummy|join now|withdraw now|lottery|jackpot|you have won)\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex Spam();

    // "Do not share your OTP" and "without OTP/PIN" appear in real transaction alerts.
    [GeneratedRegex(@"\b(?:(?:pls|please)\s+)?(?:do\s+not|don'?t|never)\s+(?:share|disclose|tell)[^.!\n]{0,60}|\bwithout\s+OTP\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex SafetyAdvice();

    [GeneratedRegex(@"\b(?:OTP|one[- ]time[- ]password|verification code|activation (?:key|code)|passcode|security code|authori[sz]ation code)\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex Otp();

    [GeneratedRegex(
        @"\b(?:declined|failed|unsuccessful|could\s+not\s+be\s+(?:processed|completed)|not\s+(?:been\s+)?processed|unable\s+to\s+(?:confirm|process|complete)|insufficient\s+(?:funds|balance)|rejected|was\s+not\s+successful)\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Declined();

    [GeneratedRegex(
        @"\b(?:will|shall|to|would)\s+be\s+(?:auto[- ]?)?(?:debited|deducted|charged|credited|paid|processed|presented|collected)\b|\bscheduled\s+(?:for|on)\b|\bdue\s+for\s+debit\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Future();

    [GeneratedRegex(@"\b(?:debited|credited|deducted|spent|withdrawn|paid|sent|received|transferred)\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex CompletedVerb();

    [GeneratedRegex(
        @"\bmandate\b[^\n]{0,160}?\b(?:received (?:today )?for processing|set\s?up|created|registered|activated|active|revoked|cancell?ed|modified|paused)\b|\b(?:e-?mandate|auto\s?-?pay|standing instruction)\b[^\n!]{0,80}?\b(?:active|activated|set\s?up|registered|revoked|cancell?ed|created)\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Mandate();

    [GeneratedRegex(@"\b(?:has|have)\s+been\s+(?:debited|deducted|charged)\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex ExecutedDebit();

    [GeneratedRegex(
        @"\b(?:collect\s+request|payment\s+request|money\s+request|request(?:ed|s|ing)?\s+(?:money|payment)|has\s+requested|approve\s+(?:or|/)\s+decline)\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Request();

    [GeneratedRegex(
        @"\b(?:is\s+due|are\s+due|due\s+(?:on|by|date|today|tomorrow)|payable\s+by|pay\s+by|min(?:imum)?\.?\s+(?:amt|amount)\s+due|total\s+(?:amt|amount)\s+due|amount\s+due|bill\s+alert|bill\s+(?:is\s+)?generated|statement\s+(?:is|has\s+been)\s+(?:sent|generated|mailed|emailed)|e-statement\s+of|invoice|renewal\s+premium|premium\s+(?:is\s+)?due|maintain\s+(?:sufficient|adequate|minimum)\s+balance|ignore\s+if\s+(?:already\s+)?paid|recharge\s+now|pay\s+your\s+bill|overdue|last\s+date)\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Reminder();

    [GeneratedRegex(
        @"\b(?:amount|amt|funds?|Rs\.?|INR)\b[^.\n]{0,40}\b(?:has\s+been|have\s+been|is|are)\s+(?:blocked|unblocked|put\s+on\s+hold|earmarked|released)\b|\bASBA\b|\blien\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Blocked();

    [GeneratedRegex(
        @"\b(?:available|avl|account|a/c|closing|ledger|current)\s+bal(?:ance)?\b[^\n]{0,60}?\b(?:is|as\s+(?:of|on))\b|\bbal(?:ance)?\s+(?:in|of|for)\s+(?:your\s+)?(?:a/c|acc|account)|\bhas\s+(?:avl|available)\s+bal|\bpassbook\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex BalanceNotice();

    [GeneratedRegex(@"\bpassbook\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex Passbook();

    [GeneratedRegex(
        @"\b(?:offers?|discount|apply\s+now|download\s+(?:our|the)\s+app|visit\s+(?:our\s+)?(?:branch|us|your\s+nearest)|hurry|congrat\w*|prize|bonus|reward\s+points?|points\s+credited|worth\s+points|redeem|voucher|coupon|use\s+code|t\s?&\s?c\s+apply|tnc|limited\s+period|pre-?approved|get\s+free|flat\s+(?:rs\.?\s?)?\d+|win\s+(?:a|up)|exclusive)\b|\d+\s?%\s+(?:off|cashback|interest)",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Promotion();
}
