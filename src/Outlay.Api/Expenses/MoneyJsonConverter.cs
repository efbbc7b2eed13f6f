using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outlay.Api.Expenses;

/// <summary>
/// Money is a JSON string holding a decimal ("1234.50") so no client parses it into a float; requests
/// may also send a JSON number. Registered once for every <see cref="decimal"/> in the API (percentages
/// are doubles and stay numbers).
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDecimal();
        }

        if (reader.TokenType == JsonTokenType.String
            && decimal.TryParse(reader.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new JsonException("An amount must be a decimal number, such as \"12.50\".");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
