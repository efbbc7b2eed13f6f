namespace Outlay.Api.Categories.AutoCategorisation;

/// <summary>
/// Payment processors and platforms put their code before a '*' and the merchant after it.
/// A pure processor says nothing about the purchase, so it is dropped; a platform's own brand
/// (UBER *TRIP, GOOGLE *FI) stays, because the pair decides the category.
/// </summary>
internal static class ProcessorPrefixes
{
    private static readonly Dictionary<string, string> Replacements = new(StringComparer.Ordinal)
    {
        ["SQ"] = "", ["TST"] = "", ["PAYPAL"] = "", ["PP"] = "", ["SP"] = "", ["WPY"] = "",
        ["FS"] = "", ["2CO"] = "", ["PADDLE"] = "", ["PADDLE.NET"] = "", ["STRIPE"] = "",
        ["CKO"] = "", ["SUMUP"] = "", ["IZ"] = "", ["IZETTLE"] = "", ["ZETTLE"] = "", ["PY"] = "",
        ["RAZ"] = "", ["RAZORPAY"] = "", ["PAYU"] = "", ["CCAVENUE"] = "", ["BILLDESK"] = "",
        ["POS"] = "", ["CHECKCARD"] = "", ["PURCHASE"] = "",
        ["DD"] = "DOORDASH", ["IC"] = "INSTACART", ["EB"] = "EVENTBRITE", ["MMT"] = "MAKEMYTRIP",
        ["BKG"] = "BOOKING",
    };

    public static string Resolve(string text)
    {
        var star = text.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return text;
        }

        var prefix = string.Join(' ', text[..star].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var rest = text[(star + 1)..];
        return Replacements.TryGetValue(prefix, out var replacement)
            ? $"{replacement} {rest}"
            : $"{prefix} {rest}";
    }
}
