using System.Text.RegularExpressions;

namespace Outlay.Api.Categories.AutoCategorisation;

/// <summary>Reads Indian UPI narrations, which carry the payee name and the payer's note.</summary>
internal static partial class UpiNarration
{
    // UPI/DR/<ref>/<name>/<bank>/<vpa>/<note>: the bank code is a bare four-letter word that
    // would otherwise look like part of the name, so this shape is read by position.
    public static string KeepNameAndNote(string text)
    {
        var match = SlashNarration().Match(text);
        return match.Success
            ? $"{match.Groups["name"].Value} {match.Groups["note"].Value}"
            : text;
    }

    [GeneratedRegex(@"^\s*UPI/(?:DR|CR|P2A|P2M|RVSL)/[^/]*/(?<name>[^/]*)/[^/]*/[^/]*(?:/(?<note>.*))?$")]
    private static partial Regex SlashNarration();
}
