namespace Outlay.Api.Expenses;

/// <summary>
/// Keeps exported text cells from running as spreadsheet formulas (OWASP "CSV injection"): a cell that starts
/// with = + - @, a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text. Import
/// takes one apostrophe off again, so a round trip gives back the same text; a cell that already starts with
/// apostrophes before such a character gets one more, so it survives too.
/// </summary>
public static class SpreadsheetSafeText
{
    public static string Escape(string value) => NeedsQuote(value) ? "'" + value : value;

    public static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && NeedsQuote(value[1..]) ? value[1..] : value;

    private static bool NeedsQuote(string value)
    {
        var first = value.AsSpan().TrimStart('\'');
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
