using System.Text;
using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

internal static partial class SmsText
{
    /// <summary>
    /// NFKC folds the "styled" mathematical letters some banks use (𝗌𝗉𝖾𝗇𝗍 → spent); links are dropped
    /// because their query strings look like references and amounts.
    /// </summary>
    public static string Normalize(string body)
    {
        var text = body.Normalize(NormalizationForm.FormKC)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace('\u00A0', ' ');
        return Links().Replace(text, " ");
    }

    public static string CollapseSpaces(string value) => Spaces().Replace(value, " ").Trim();

    [GeneratedRegex(@"\[?https?://[^\s\])]+\]?(?:\([^)\s]*\)\)*)?|\bwww\.[a-z0-9-]+\.[a-z.]+/\S*", RegexOptions.IgnoreCase, 100)]
    private static partial Regex Links();

    [GeneratedRegex(@"\s+", RegexOptions.None, 100)]
    private static partial Regex Spaces();
}
