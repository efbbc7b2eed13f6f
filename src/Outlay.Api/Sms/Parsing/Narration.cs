using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>
/// Bank narrations such as <c>UPI/DR/123456789012/RAHUL SHARMA/UTIB</c>, <c>NEFT-UTR123-JOHN JOSE</c> or
/// <c>ACH*ZERODHA B*778</c>: a reference segment (long, with digits) and a counterparty name segment,
/// surrounded by rail codes that are neither.
/// </summary>
internal sealed partial record Narration(string? Reference, string? Name, bool IsTransferRail)
{
    private static readonly HashSet<string> TransferRails = new(StringComparer.OrdinalIgnoreCase)
    {
        "UPI", "IMPS", "NEFT", "RTGS", "INFT", "P2A", "P2M",
    };

    private static readonly HashSet<string> RailCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "UPI", "IMPS", "NEFT", "RTGS", "ACH", "BIL", "INFT", "NFS", "CAM", "MMT", "POS", "ATM", "TRF", "P2M", "P2A",
        "DR", "CR", "MOB", "CIP", "ECS", "NACH", "VISA", "VPS", "IPS", "BY", "TO", "FROM", "INW", "PAY", "CASH", "WDL",
    };

    public static Narration? Parse(string text)
    {
        var match = Start().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var body = match.Value;
        if (End().Match(body) is { Success: true } end)
        {
            body = body[..end.Index];
        }

        var segments = Separators().Split(body).Select(s => SmsText.CollapseSpaces(s)).ToList();
        var referenceIndex = segments.FindIndex(IsReference);
        var reference = referenceIndex >= 0 ? segments[referenceIndex] : null;
        var name = segments.Skip(referenceIndex + 1).FirstOrDefault(IsName)
            ?? segments.Take(Math.Max(referenceIndex, 0)).FirstOrDefault(s => IsName(s) && !IsShortCode(s));
        var isTransferRail = segments.Any(s => s.Split(' ').Any(TransferRails.Contains));
        return new Narration(reference, name, isTransferRail);
    }

    /// <summary>Name segment of a narration-looking phrase such as "CIP/CR/MOB/JOHN DOE"; null when it has none.</summary>
    public static string? NameIn(string phrase)
    {
        var segments = Separators().Split(phrase).Select(s => SmsText.CollapseSpaces(s)).ToList();
        if (segments.Count < 2)
        {
            return null;
        }

        var referenceIndex = segments.FindIndex(IsReference);
        return segments.Skip(referenceIndex + 1).LastOrDefault(s => IsName(s) && !IsShortCode(s));
    }

    private static bool IsReference(string segment) =>
        segment.Length >= 6 && !segment.Contains(' ', StringComparison.Ordinal) && segment.Any(char.IsAsciiDigit)
        && segment.All(char.IsAsciiLetterOrDigit);

    private static bool IsName(string segment)
    {
        if (segment.Count(char.IsLetter) < 2 || RailCodes.Contains(segment) || MaskedOrCode().IsMatch(segment))
        {
            return false;
        }

        return !segment.Split(' ').Any(w => w.Equals("TRF", StringComparison.OrdinalIgnoreCase) || w.Equals("WDL", StringComparison.OrdinalIgnoreCase));
    }

    // Before the reference, a lone upper-case word of up to four letters is a bank code (ICIC, FDRL), not a name.
    private static bool IsShortCode(string segment) => segment.Length <= 4 && segment.All(char.IsAsciiLetterUpper);

    [GeneratedRegex(
        @"(?:\b|(?<=Info))(?:UPI|IMPS|NEFT|RTGS|ACH|BIL|NFS|CAM|MMT|CIP|ECS|NACH)(?:\s(?:DR|CR)(?:\s\w{2,4}){0,2})?[/*\-][^\n]*",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Start();

    [GeneratedRegex(
        @"\.(?:\s|$|[A-Z][a-z])|\.?(?:Bal|Avl)\b|[;,(]|\s+(?:on|Value|Bal|Avl|Available|Clear|by|from)\b|\s+/\s",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex End();

    [GeneratedRegex(@"\s*[/*]\s*|(?<=\w)-(?=[A-Za-z0-9])|-$|(?<=[A-Za-z0-9])-\s", RegexOptions.None, 100)]
    private static partial Regex Separators();

    [GeneratedRegex(@"[Xx*]{3,}|^\d|^[A-Z]{2,5}\d", RegexOptions.None, 100)]
    private static partial Regex MaskedOrCode();
}
