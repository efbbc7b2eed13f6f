namespace Outlay.Api.Sms.Parsing;

/// <summary>ISO 4217 codes and the symbols banks write instead of them.</summary>
internal static class CurrencyCodes
{
    private const string ActiveCodes =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
        "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT " +
        "LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR " +
        "NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD " +
        "SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD " +
        "XOF XPF YER ZAR ZMW ZWL";

    private static readonly HashSet<string> Known = new(ActiveCodes.Split(' '), StringComparer.Ordinal);

    // Codes that are also common upper-case words or bank names in SMS text ("BOB" is Bank of Baroda).
    private static readonly HashSet<string> AmbiguousInText = new(StringComparer.Ordinal)
    {
        "ALL", "TOP", "CUP", "MOP", "SOS", "PEN", "BOB", "MAD", "GEL", "CVE", "ERN", "LAK", "AMD",
    };

    private static readonly HashSet<string> DollarCurrencies = new(StringComparer.Ordinal)
    {
        "USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "JMD", "TTD", "BBD", "BSD", "BZD", "FJD", "LRD",
        "NAD", "GYD", "SRD", "XCD", "KYD", "BMD", "SBD", "MXN",
    };

    private static readonly HashSet<string> RupeeCurrencies = new(StringComparer.Ordinal)
    {
        "INR", "PKR", "LKR", "NPR", "MUR", "SCR",
    };

    public static bool IsKnown(string code) => Known.Contains(code);

    public static bool IsCodeInText(string code) => Known.Contains(code) && !AmbiguousInText.Contains(code);

    /// <summary>Resolves a symbol or code as written in the SMS; shared symbols mean the bank's own currency.</summary>
    public static string? Resolve(string written, string? homeCurrency)
    {
        var token = written.Trim().TrimEnd('.');
        var upper = token.ToUpperInvariant();
        if (upper.Length == 3 && IsKnown(upper) && token.All(char.IsAsciiLetterUpper))
        {
            return upper;
        }

        return upper switch
        {
            "$" => PreferHome(homeCurrency, DollarCurrencies, "USD"),
            "US$" or "USD$" => "USD",
            "C$" or "CA$" => "CAD",
            "A$" or "AU$" => "AUD",
            "S$" or "SG$" => "SGD",
            "NZ$" => "NZD",
            "HK$" => "HKD",
            "R$" => "BRL",
            "RS" or "₹" or "₨" or "INR" => PreferHome(homeCurrency, RupeeCurrencies, "INR"),
            "€" => "EUR",
            "£" => homeCurrency is "EGP" or "GIP" or "FKP" ? homeCurrency : "GBP",
            "₦" or "N" => "NGN",
            "KSH" or "KSHS" => "KES",
            "TSH" or "TSHS" => "TZS",
            "USH" or "USHS" => "UGX",
            "TK" or "৳" => "BDT",
            "RM" => "MYR",
            "SR" or "SR." => "SAR",
            "R" => "ZAR",
            "₱" => "PHP",
            "₵" or "GH₵" or "GHC" => "GHS",
            "₺" or "TL" => "TRY",
            "฿" => "THB",
            "₩" => "KRW",
            "₫" => "VND",
            "¥" => homeCurrency is "CNY" ? "CNY" : "JPY",
            "DHS" or "DH" => "AED",
            "QR" => "QAR",
            "KD" => "KWD",
            "RP" => "IDR",
            _ => null,
        };
    }

    /// <summary>ISO 4217 codes start with the ISO 3166 country code of their issuer (INR, KES, USD).</summary>
    public static string? CountryOf(string currency) =>
        currency.Length == 3 && currency[0] != 'X' && currency != "EUR" ? currency[..2] : null;

    private static string PreferHome(string? home, HashSet<string> family, string fallback) =>
        home is not null && family.Contains(home) ? home : fallback;
}
