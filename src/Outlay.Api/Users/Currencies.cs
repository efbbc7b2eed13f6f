using System.Globalization;

namespace Outlay.Api.Users;

/// <summary>
/// ISO 4217 codes and their minor units, as the runtime's culture data (ICU/CLDR) knows them:
/// every currency some region uses today.
/// </summary>
public static class Currencies
{
    // Where a culture's display format disagrees with the ISO 4217 minor unit, ISO wins.
    private static readonly Dictionary<string, int> Iso4217Exceptions = new(StringComparer.Ordinal)
    {
        ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["CLP"] = 0, ["ISK"] = 0, ["PYG"] = 0, ["UGX"] = 0, ["XAF"] = 0, ["XOF"] = 0,
        ["KWD"] = 3, ["BHD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3, ["LYD"] = 3, ["IQD"] = 3,
        ["HUF"] = 2, ["TWD"] = 2, ["IDR"] = 2, ["COP"] = 2, ["INR"] = 2, ["PKR"] = 2, ["LKR"] = 2,
    };

    private static readonly Lazy<IReadOnlyDictionary<string, int>> MinorUnits = new(() =>
    {
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            var code = region.ISOCurrencySymbol ?? string.Empty;
            if (code.Length == 3 && code.All(char.IsAsciiLetterUpper) && !units.ContainsKey(code))
            {
                units[code] = Iso4217Exceptions.TryGetValue(code, out var digits) ? digits : culture.NumberFormat.CurrencyDecimalDigits;
            }
        }

        return units;
    });

    public static bool IsKnown(string? code) => code is not null && MinorUnits.Value.ContainsKey(code);

    public static int MinorUnitOf(string code) => MinorUnits.Value[code];

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)MinorUnits.Value.Keys;
}
