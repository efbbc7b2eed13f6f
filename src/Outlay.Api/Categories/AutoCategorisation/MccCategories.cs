using System.Globalization;
using System.Text.Json;

namespace Outlay.Api.Categories.AutoCategorisation;

/// <summary>Maps an ISO 18245 merchant category code to the category a charge with it most likely belongs to.</summary>
public sealed class MccCategories
{
    private static readonly Lazy<MccCategories> BuiltInCategories =
        new(() => Load(EmbeddedDataFile.Open("mcc-categories.json")));

    private readonly Dictionary<string, string> categoryByCode;
    private readonly (int From, int To, string Category)[] rangeCategories;

    private MccCategories(Dictionary<string, string> categoryByCode, (int From, int To, string Category)[] rangeCategories)
    {
        this.categoryByCode = categoryByCode;
        this.rangeCategories = rangeCategories;
    }

    public static MccCategories BuiltIn => BuiltInCategories.Value;

    public static MccCategories Load(Stream json)
    {
        var document = JsonSerializer.Deserialize(json, AutoCategorisationJsonContext.Default.MccCategoryDocument)
            ?? throw new InvalidDataException("The MCC category file is empty.");

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in document.Codes)
        {
            if (!IsCode(code.Mcc) || !DefaultCategoryNames.IsDefault(code.Category) || !codes.TryAdd(code.Mcc, code.Category))
            {
                throw new InvalidDataException($"The MCC category file has a bad or repeated entry for '{code.Mcc}'.");
            }
        }

        var ranges = document.Ranges
            .Select(range => IsCode(range.From) && IsCode(range.To) && DefaultCategoryNames.IsDefault(range.Category)
                ? (ToNumber(range.From), ToNumber(range.To), range.Category)
                : throw new InvalidDataException($"The MCC category file has a bad range '{range.From}-{range.To}'."))
            .ToArray();
        return new MccCategories(codes, ranges);
    }

    public string? Find(string? mcc)
    {
        var code = mcc?.Trim();
        if (code is null || !IsCode(code))
        {
            return null;
        }

        if (categoryByCode.TryGetValue(code, out var category))
        {
            return category;
        }

        var number = ToNumber(code);
        return rangeCategories.FirstOrDefault(range => range.From <= number && number <= range.To).Category;
    }

    // Kept as strings end to end: leading zeros are part of the code ("0742").
    private static bool IsCode(string text) => text.Length == 4 && text.All(char.IsAsciiDigit);

    private static int ToNumber(string code) => int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture);
}
