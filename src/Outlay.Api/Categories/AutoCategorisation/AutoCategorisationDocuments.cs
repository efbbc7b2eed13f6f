using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outlay.Api.Categories.AutoCategorisation;

internal sealed record MerchantDictionaryDocument(IReadOnlyList<MerchantDictionaryGroup> Groups);

internal sealed record MerchantDictionaryGroup(string Category, int Priority, IReadOnlyList<string> Terms);

internal sealed record MccCategoryDocument(IReadOnlyList<MccCategoryRange> Ranges, IReadOnlyList<MccCategoryCode> Codes);

internal sealed record MccCategoryRange(string From, string To, string Category);

internal sealed record MccCategoryCode(string Mcc, string Category, string Description);

// Source-generated so that loading the data files needs no reflection (trimming and AOT stay open).
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(MerchantDictionaryDocument))]
[JsonSerializable(typeof(MccCategoryDocument))]
internal sealed partial class AutoCategorisationJsonContext : JsonSerializerContext;
