using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Outlay.Api.Categories.AutoCategorisation;

/// <summary>
/// Turns a raw bank descriptor into a comparable key: lower-case ASCII words separated by single
/// spaces, without processor prefixes, store and reference numbers, card masks, VPAs, trailing
/// places and legal suffixes. The built-in dictionary, admin keywords and the per-user history
/// are all matched on this key, so changing it changes what every one of them matches.
/// </summary>
public static partial class MerchantNormaliser
{
    public static string Normalise(string? merchant)
    {
        if (string.IsNullOrWhiteSpace(merchant))
        {
            return "";
        }

        var text = FoldToAsciiUpperCase(merchant);
        if (TryReadBareVpa(text, out var vpaKey))
        {
            return vpaKey;
        }

        text = UpiNarration.KeepNameAndNote(text);
        text = ProcessorPrefixes.Resolve(text);
        text = VpaPattern().Replace(text, " ");
        text = WebAddressSuffix().Replace(text, " ");
        text = text.Replace("'", "", StringComparison.Ordinal);
        text = AmpersandInsideAbbreviation().Replace(text, "$1$2");

        var tokens = DescriptorTokens.Read(text);
        DescriptorTokens.TrimTrailingPlacesAndLegalForms(tokens);
        return string.Join(' ', tokens).ToLowerInvariant();
    }

    private static string FoldToAsciiUpperCase(string text)
    {
        var decomposed = text.Replace('’', '\'').Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().ToUpperInvariant();
    }

    // A payment to a QR code or VPA that names no business has nothing but the VPA to tell payees
    // apart, so its local part becomes the key instead of being stripped like a VPA inside a narration.
    private static bool TryReadBareVpa(string text, out string key)
    {
        var match = BareVpa().Match(text);
        key = match.Success
            ? string.Join(' ', NonAlphanumericRun().Split(match.Groups["local"].Value)
                .Where(part => part.Length > 0)).ToLowerInvariant()
            : "";
        return key.Length > 0;
    }

    [GeneratedRegex(@"^\s*(?:(?:VPA|UPI)\b[\s:/-]*)?(?<local>[A-Z0-9._-]+)@[A-Z0-9.]+\s*$")]
    private static partial Regex BareVpa();

    [GeneratedRegex(@"[A-Z0-9._]+@[A-Z0-9]+")]
    private static partial Regex VpaPattern();

    [GeneratedRegex(@"\.(?:CO\.UK|CO\.IN|GOV\.UK|COM|CO|NET|ORG|IN|DE|FR|NL|ES|IT|EU|US|UK|IO|AI|TV|APP)\b")]
    private static partial Regex WebAddressSuffix();

    [GeneratedRegex(@"\b([A-Z]{1,2})\s?&\s?([A-Z]{1,2})\b")]
    private static partial Regex AmpersandInsideAbbreviation();

    [GeneratedRegex(@"[^A-Z0-9]+")]
    private static partial Regex NonAlphanumericRun();
}
