using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>
/// Explicitly labelled references (UPI Ref, RRN, UTR, Txn ID, TrxID …), M-PESA style confirmation codes,
/// and the reference segment of UPI/IMPS/NEFT narrations. Mandate ids (UMRN, UMN) are not references.
/// </summary>
internal static partial class ReferenceReader
{
    public static string? Read(string text, Regex? templatePattern)
    {
        if (templatePattern?.Match(text) is { Success: true } custom)
        {
            return FieldGroup.Of(custom, "reference").Value;
        }

        foreach (Match match in Labelled().Matches(text))
        {
            var value = match.Groups["ref"].Value.Trim('-', '.', ':');
            if (value.Any(char.IsAsciiDigit))
            {
                return value;
            }
        }

        foreach (Match code in ConfirmationCode().Matches(text))
        {
            var value = code.Groups["ref"].Value;
            if (value.Any(char.IsAsciiDigit) && value.Any(char.IsAsciiLetter))
            {
                return value;
            }
        }

        // Card and ACH narration codes ("CAM*62712SRY", "ACH*…*778") carry no transaction reference.
        return Narration.Parse(text) is { IsTransferRail: true } narration ? narration.Reference : null;
    }

    [GeneratedRegex(
        @"(?:\b(?:UPI\s*)?(?:IMPS\s*)?(?:NEFT\s*)?(?:Ref(?:erence)?|RRN|UTR)\.?(?:\s*(?:No|Number|Num|ID|Id))?\.?(?:\s+is)?\s*[:#.\-]*\s*[:#]?\s*|\b(?:UPI|IMPS)\s*[:/]\s*|\(UPI\s+|\b(?:Txn|Trxn|Transaction|Trx|Payment)\s*(?:ID|Id|No|Number|Reference\s+Number)\.?(?:\s+is)?\s*[:#.\-]*\s*|\bTrxID\s*[:#]?\s*|\(ID\s*:\s*|\bRefno\s*|\bRefNo\s*)(?<ref>[A-Za-z0-9]*\d[A-Za-z0-9]*)\b",
        RegexOptions.IgnoreCase, 100)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"\b(?<ref>[A-Z0-9]{8,12})\s+confirmed\b", RegexOptions.IgnoreCase, 100)]
    private static partial Regex ConfirmationCode();
}
