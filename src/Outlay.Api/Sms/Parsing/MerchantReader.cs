using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>
/// Finds the counterparty: a bank narration's name segment, a labelled field ("At:", "Desc:"), or the
/// phrase after the preposition that names the other side for this direction ("at"/"to" for money out,
/// "from"/"by" for money in). Cash movements, interest and bare rail codes have no merchant.
/// </summary>
internal static partial class MerchantReader
{
    private static readonly HashSet<string> GenericWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "interest", "salary", "cash", "cheque", "charges", "charge", "fee", "fees", "annual", "maintenance", "emi",
        "bill", "payment", "neft", "imps", "rtgs", "upi", "transfer", "transaction", "txn", "s.i", "si", "card", "credit",
        "debit", "fd", "rd", "no", "monthly", "quarterly", "by", "reversal", "refund", "cashback", "deposit", "withdrawal",
        "online", "banking", "netbanking", "standing", "instruction", "ach", "ecs", "nach", "mandate", "of", "for", "the",
        "your", "a/c", "account", "auto", "debit/atm", "pos", "via",
    };

    private static readonly HashSet<string> StopStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "your", "ur", "you", "the", "a", "an", "any", "this", "that", "it", "report", "block", "dispute", "cancel",
        "unblock", "anyone", "us", "avoid", "manage", "pay", "login", "redeem", "know", "registered", "order",
        "mobile", "call", "sms", "a/c", "acct", "acc", "account", "date", "our", "my", "overseas", "customer's", "reissue",
        "verify", "change", "help", "enquire", "check", "authorize", "approve", "reference", "ref", "rs", "inr",
        "end", "info", "queries", "fd", "rd", "quick", "e-statement", "other", "details",
    };

    public static string? Read(string text, SmsDirection direction, MoneyMention amount, Regex? templatePattern)
    {
        if (templatePattern?.Match(text) is { Success: true } custom)
        {
            return Clean(FieldGroup.Of(custom, "merchant").Value, direction);
        }

        if (CashOrSelf().IsMatch(text))
        {
            return null;
        }

        var scope = WithoutBoilerplate(text, amount);
        if (Narration.Parse(scope)?.Name is { } narrated)
        {
            return Clean(narrated, direction);
        }

        foreach (var pattern in FixedShapes())
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (Accept(match.Groups["m"].Value, direction) is { } shaped)
                {
                    return shaped;
                }
            }
        }

        if (direction == SmsDirection.Debit && CreditedCounterparty().Match(text) is { Success: true } credited)
        {
            var name = Accept(credited.Groups["m"].Value, direction);
            if (name is not null || AccountLike().IsMatch(credited.Groups["m"].Value))
            {
                return name;
            }
        }

        var phrases = direction == SmsDirection.Debit ? DebitPhrases() : CreditPhrases();
        foreach (var (phrase, namesThePayee) in phrases)
        {
            foreach (Match match in phrase.Matches(scope))
            {
                var start = match.Index + match.Length;
                if (!IsNear(match.Index, amount))
                {
                    continue;
                }

                var candidate = UpToTerminator(scope, start);
                var isOwnBank = phrase == FromPhrase() && direction == SmsDirection.Debit
                    && AccountAfter().IsMatch(scope.AsSpan(start + candidate.Length));
                if (!isOwnBank && Accept(candidate, direction, allowGeneric: namesThePayee) is { } found)
                {
                    return found;
                }
            }
        }

        return FreeLine(scope, direction) ?? BareVpa(text);
    }

    // Alerts end in service boilerplate ("Not you? Call …", "Reply STOP to …") whose "to"/"for" phrases name no payee.
    private static string WithoutBoilerplate(string text, MoneyMention amount)
    {
        var cut = Boilerplate().Match(text, Math.Min(amount.End, text.Length));
        return cut.Success ? text[..cut.Index] : text;
    }

    private static bool IsNear(int index, MoneyMention amount) => index > amount.Start - 160 && index < amount.End + 160;

    private static IEnumerable<Regex> FixedShapes()
    {
        yield return Labelled();
        yield return MaskedAccountThenName();
        yield return AccountOfName();
        yield return UpiUnderscore();
    }

    private static string UpToTerminator(string text, int start)
    {
        var rest = text[start..];
        foreach (Match end in Terminator().Matches(rest))
        {
            if (end.Value.StartsWith('.') && TitleBefore().IsMatch(rest[..end.Index]))
            {
                continue;
            }

            return rest[..end.Index];
        }

        return rest;
    }

    private static string? Accept(string raw, SmsDirection direction, bool allowGeneric = false)
    {
        var candidate = SmsText.CollapseSpaces(raw);
        if (Vpa().Match(candidate) is { Success: true } vpa)
        {
            return vpa.Value;
        }

        if (candidate.Contains('/', StringComparison.Ordinal) && RailPrefix().IsMatch(candidate))
        {
            return Narration.NameIn(candidate) is { } name ? Clean(name, direction) : null;
        }

        if (GluedReferenceNarration().IsMatch(candidate))
        {
            candidate = Narration.NameIn(candidate) ?? "";
        }

        candidate = LeadingReference().Replace(candidate, "");
        if (NotAName().IsMatch(candidate))
        {
            return null;
        }

        candidate = LeadingSender().Replace(candidate, "");
        candidate = CodeLabel().Replace(candidate, "");

        var cleaned = Clean(candidate, direction);
        if (cleaned is null || cleaned.Length > 60 || NotAName().IsMatch(cleaned) || AccountLike().IsMatch(cleaned))
        {
            return null;
        }

        var words = cleaned.Split(' ');
        if (StopStarts.Contains(words[0]) || (!allowGeneric && words.All(w => GenericWords.Contains(w.Trim('.', ',')))))
        {
            return null;
        }

        return cleaned;
    }

    private static string? Clean(string raw, SmsDirection direction)
    {
        var value = SmsText.CollapseSpaces(raw).Trim(' ', '.', ',', ':', ';', '-', '_', '*', '/', '\'', '"', '!', '?', '(', ')', '|', '&');
        if (direction == SmsDirection.Credit)
        {
            // Payers are often followed by their phone or account number ("JOHN DOE 0712345678").
            value = TrailingNumber().Replace(value, "");
        }

        return value.Count(char.IsLetterOrDigit) == 0 ? null : value;
    }

    private static string? FreeLine(string text, SmsDirection direction)
    {
        var lines = text.Split('\n');
        if (lines.Length < 3)
        {
            return null;
        }

        foreach (var line in lines.Skip(1))
        {
            var trimmed = line.Trim();
            if (trimmed.Length < 2 || NotAFreeLine().IsMatch(trimmed) || MoneyScanner.FindAll(trimmed, null).Count > 0)
            {
                continue;
            }

            if (Accept(trimmed, direction) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private static string? BareVpa(string text)
    {
        foreach (Match match in Vpa().Matches(text))
        {
            if (!MandateIdBefore().IsMatch(text[Math.Max(0, match.Index - 12)..match.Index]))
            {
                return match.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(
        @"\b(?:ATM(?!\s*card)|CDM|cash\s+(?:withdrawal|deposit|wdl|payment)|withdrawn|by\s+cash|in\s+cash|cheque\s+withdrawal|NFS\s*\*?\s*CASH|NFSCASH|towards\s+interest|for\s+(?:monthly\s+)?interest|Salary\s+Deposited)\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex CashOrSelf();

    [GeneratedRegex(
        @"(?:^|\n|\s/\s|[.;,]\s)\s*(?:At|Merchant|Merchant\s+Name|Paid|Payee|To|Desc|Description|Narration|Beneficiary|Incoming\s+Transfer|From)\s*:\s*(?<m>[^\n]+?)(?=\s*(?:\n|$|\s/\s|\s{2,}\d|[ ]+(?:[A-Z]{3}|Rs\.?|INR)[ ]?\d|\.\s|\.?\s*Date\b|\s+(?:Card|Date|Amount|Amt)\s*:))",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"[Xx*]{3,}\d{2,}/(?<m>[A-Za-z][A-Za-z0-9.&'-]*(?:\s+(?!(?:will|is|has|was|on|for|to|and)\b)[A-Za-z0-9.&'-]+)*)", RegexOptions.None, 100)]
    private static partial Regex MaskedAccountThenName();

    [GeneratedRegex(@"\b(?:a/c|account)\s+[\dXx*]*\d\s+of\s+(?<m>[A-Za-z][A-Za-z .'-]*?)\s*(?:\.|$)", RegexOptions.IgnoreCase, 100)]
    private static partial Regex AccountOfName();

    [GeneratedRegex(@"@UPI_(?<m>[^\n]+?)(?=\s+\d{1,2}[-/]\d|\.\s|$)", RegexOptions.IgnoreCase, 100)]
    private static partial Regex UpiUnderscore();

    [GeneratedRegex(@"(?:[;&]|\band\b)\s*(?<m>[^;&\n]+?)\s+(?:is\s+|will\s+be\s+)?credited\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex CreditedCounterparty();

    // The flag says whether the phrase names a payee even in generic words ("from Salary Payment").
    private static (Regex Phrase, bool NamesThePayee)[] DebitPhrases() =>
    [
        (AtPhrase(), true), (ToPhrase(), true), (TowardsPhrase(), false), (WithPhrase(), true), (ForPhrase(), false),
        (OnPhrase(), false), (FromPhrase(), false),
    ];

    private static (Regex Phrase, bool NamesThePayee)[] CreditPhrases() =>
    [
        (FromPhrase(), true), (ByPhrase(), false), (TowardsPhrase(), false), (ForPhrase(), false), (AtPhrase(), false),
    ];

    [GeneratedRegex(@"(?<![A-Za-z])at\b\s*:?\s*", RegexOptions.IgnoreCase, 100)]
    private static partial Regex AtPhrase();

    [GeneratedRegex(@"(?<![A-Za-z])(?<!linked\s)to\b(?:\s+VPA\b)?\s*:?\s*", RegexOptions.IgnoreCase, 100)]
    private static partial Regex ToPhrase();

    [GeneratedRegex(@"\btowards\b\s*(?:linked\s+)?", RegexOptions.IgnoreCase, 100)]
    private static partial Regex TowardsPhrase();

    [GeneratedRegex(@"\b(?:transaction|txn)\s+with\s+", RegexOptions.IgnoreCase, 100)]
    private static partial Regex WithPhrase();

    [GeneratedRegex(@"\bfor\s+", RegexOptions.IgnoreCase, 100)]
    private static partial Regex ForPhrase();

    [GeneratedRegex(@"\bon\s+(?=\S)", RegexOptions.IgnoreCase, 100)]
    private static partial Regex OnPhrase();

    [GeneratedRegex(@"(?<![A-Za-z])(?:from|frm)\b(?:\s+VPA\b)?\s*:?\s*", RegexOptions.IgnoreCase, 100)]
    private static partial Regex FromPhrase();

    [GeneratedRegex(@"\bby\s+", RegexOptions.IgnoreCase, 100)]
    private static partial Regex ByPhrase();

    [GeneratedRegex(
        @"\s+(?i:on|at|via|for|with|Ref\w*|UPI|Avl|Avbl|Aval|Avail|Bal|Available|using|from|frm|by|thru|through|is|was|has|have|had|Not|If|Info|IMPS|NEFT|RTGS|RRN|Txn|Trxn|dated|Value|as|IBAN|UMRN|UMN|refunded|successful|approved|credited|debited|to|into|Total|Updated|Current|Clear|Final|Call|SMS|Dial|Country|Date|DT|Amt|Amount)\b|\s+(?:and|of|in)\b|\s+(?i:A/c|Acct|Account|Card)\s*(?:no\.?\s*)?[:#]?\s*[\dXx*]|[;!(\n|]|\s/\s|/\s|\.(?=\s|$)|\.(?=(?:Ref|Bal|Avl|Not|UPI|Small|Total)\b)|,\s*(?i:UPI|IFSC|on)\b|(?=\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})|(?i:on)(?=\d)|(?=\s+(?:[A-Z]{3}|Rs\.?|INR|\$|₹)\s?\d[\d,]*(?:\.\d+)?(?![-/\d]))|\s+-\s+(?=\d)|$",
        RegexOptions.None, 100)]
    private static partial Regex Terminator();

    [GeneratedRegex(@"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Smt|Shri|Sri|St|Jr|Messrs|M/s)$", RegexOptions.IgnoreCase, 100)]
    private static partial Regex TitleBefore();

    [GeneratedRegex(@"^[+\d][\d\s\-:/.,+]*(?:AM|PM|hrs)?$|^\+?\d{7,}|^\d{1,2}:\d{2}|^(?i:rs|inr|amt|amount)\.?$|^(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|^\d{1,2}[-/.]\d{1,2}|^\d{1,2}[-/ ]?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|^(?:[A-Z]{3}|Rs\.?|INR|\$|₹)\s?\d|^\d{1,2}:\d{2}", RegexOptions.None, 100)]
    private static partial Regex NotAName();

    [GeneratedRegex(@"[Xx*]{2,}\d|\*\d|\b(?i:a/c|acct|IBAN)\b|^(?i:card|account)\b|\b(?i:card|account)\s*(?:no\.?|ending)|^[Xx*]{4,}$", RegexOptions.None, 100)]
    private static partial Regex AccountLike();

    [GeneratedRegex(@"^(?:UPI|IMPS|NEFT|RTGS|ACH|BIL|NFS|CIP)\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex RailPrefix();

    [GeneratedRegex(@"^\d{8,}\s+", RegexOptions.None, 100)]
    private static partial Regex LeadingReference();

    [GeneratedRegex(@"^[A-Za-z0-9]*\d[A-Za-z0-9]{5,}/", RegexOptions.None, 100)]
    private static partial Regex GluedReferenceNarration();

    [GeneratedRegex(@"^(?:Sender|Remitter)\s+", RegexOptions.None, 100)]
    private static partial Regex LeadingSender();

    // "ACH Credit:MERCHANT NAME" — a rail label in front of the name.
    [GeneratedRegex(@"^[A-Za-z]+(?: [A-Za-z]+)?\s*:\s*(?=[A-Za-z])", RegexOptions.None, 100)]
    private static partial Regex CodeLabel();

    [GeneratedRegex(@"^\s*(?:a/c|acct|account|ac|card)\b\.?\s*(?:no\.?)?\s*[:#]?\s*[\dXx*.]", RegexOptions.IgnoreCase, 100)]
    private static partial Regex AccountAfter();

    [GeneratedRegex(
        @"\b(?:not\s+you|not\s+u\b|if\s+not|call|sms\s+bl|reply\s+stop|text\s+stop|txt\s+stop|to\s+dispute|for\s+(?:queries|more|info|assistance|feedback|detail)|dial\b|helpline|powered\s+by|t\s?&\s?c|no\s+action\s+needed|see\s+it\s+at|view\s+(?:details|at)|download|block\s+a/c|to\s+report|plz\s+call|please\s+call|to\s+manage|to\s+block)",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"[\s-]+\d{5,}$", RegexOptions.None, 100)]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"(?<![\w.-])[A-Za-z0-9][\w.\-]*@[A-Za-z][A-Za-z0-9]+\b(?!\.[A-Za-z])", RegexOptions.None, 100)]
    private static partial Regex Vpa();

    [GeneratedRegex(@"\b(?:UMN|UMRN|mandate)\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex MandateIdBefore();

    [GeneratedRegex(
        @"^(?:\d|[A-Z]{3}\s?\d)|:|\b(?i:not\s+you|sms|call|dial|block|bank|card|balance|limit|value\s+date|ref|trf|debit|credit|purchase|withdrawal|remittance|deposit|transfer|spent|payment|available|IST)\b|[Xx*]{3,}\d",
        RegexOptions.None, 100)]
    private static partial Regex NotAFreeLine();
}
