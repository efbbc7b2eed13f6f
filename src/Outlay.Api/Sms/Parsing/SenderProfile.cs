using System.Globalization;

namespace Outlay.Api.Sms.Parsing;

/// <summary>What we know about the sender before reading the body: its template, country and home currency.</summary>
internal sealed record SenderProfile(CompiledTemplate? Template, string? Country, string? HomeCurrency, SmsDateOrder DateOrder)
{
    public static SenderProfile For(CompiledTemplate? template, string? countryHint)
    {
        var country = NormalizeCountry(countryHint) ?? template?.Template.Country;
        var currency = countryHint is not null && template?.Template.Country != country
            ? CurrencyOf(country)
            : template?.Template.Currency ?? CurrencyOf(country);
        var order = template is not null && template.Template.Country == country
            ? template.Template.DateOrder
            : DateOrderOf(country);
        return new SenderProfile(template, country, currency, order);
    }

    /// <summary>An unknown sender is placed by the currency its message is written in.</summary>
    public SenderProfile WithBodyCurrency(string currency)
    {
        var country = CurrencyCodes.CountryOf(currency);
        return this with { Country = country, HomeCurrency = currency, DateOrder = DateOrderOf(country) };
    }

    // Only a few countries write the month first; everyone else in our markets writes the day first.
    private static SmsDateOrder DateOrderOf(string? country) =>
        country is "US" or "PH" or "FM" or "MH" or "PW" ? SmsDateOrder.MonthFirst : SmsDateOrder.DayFirst;

    private static string? NormalizeCountry(string? hint) =>
        hint is { Length: 2 } && hint.All(char.IsAsciiLetter) ? hint.ToUpperInvariant() : null;

    private static string? CurrencyOf(string? country)
    {
        if (country is null)
        {
            return null;
        }

        try
        {
            var code = new RegionInfo(country).ISOCurrencySymbol;
            return CurrencyCodes.IsKnown(code) ? code : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
