using System.Globalization;
using System.Text;
using System.Text.Json;
using Outlay.Api.Sms.Parsing;

namespace Outlay.Accuracy;

/// <summary>
/// Field-level accuracy of <see cref="SmsParser"/> on a labelled JSONL corpus, compared the way the
/// corpus README's "How to compare" section defines. A report, not a gate: it always returns 0.
/// </summary>
public static class SmsAccuracy
{
    private static readonly string[] Fields = ["direction", "amount", "currency", "merchant", "account_tail", "date", "balance", "reference"];

    private static readonly string[] AllFieldsCorrectFields = ["direction", "amount", "merchant", "account_tail", "date", "balance"];

    public static int Run(string corpusPath, TextWriter output, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!File.Exists(corpusPath))
        {
            output.WriteLine($"Corpus not found: {corpusPath}");
            return 0;
        }

        var parser = SmsParser.CreateDefault();
        var fieldCorrect = Fields.ToDictionary(f => f, _ => 0);
        int total = 0, transactions = 0, txCorrect = 0, truePositive = 0, falsePositive = 0, falseNegative = 0, allCorrect = 0;
        var failures = new List<string>();

        foreach (var line in File.ReadLines(corpusPath).Where(l => l.Trim().Length > 0))
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            var id = root.GetProperty("id").GetString() ?? "?";
            var sender = root.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var body = root.GetProperty("body").GetString() ?? "";
            var expected = root.GetProperty("expected");
            var parsed = parser.Parse(sender, body);
            var actual = Describe(parsed);

            total++;
            var expectedTx = expected.GetProperty("is_transaction").GetBoolean();
            txCorrect += expectedTx == parsed.IsTransaction ? 1 : 0;
            truePositive += expectedTx && parsed.IsTransaction ? 1 : 0;
            falsePositive += !expectedTx && parsed.IsTransaction ? 1 : 0;
            falseNegative += expectedTx && !parsed.IsTransaction ? 1 : 0;

            var wrong = new List<string>();
            if (!expectedTx)
            {
                allCorrect += parsed.IsTransaction ? 0 : 1;
                if (parsed.IsTransaction)
                {
                    wrong.Add("is_transaction");
                }
            }
            else
            {
                transactions++;
                if (!parsed.IsTransaction)
                {
                    wrong.Add("is_transaction");
                }

                foreach (var field in Fields)
                {
                    var ok = parsed.IsTransaction && FieldEquals(field, Text(expected, field), actual[field]);
                    fieldCorrect[field] += ok ? 1 : 0;
                    if (!ok && parsed.IsTransaction)
                    {
                        wrong.Add(field);
                    }
                }

                allCorrect += parsed.IsTransaction && AllFieldsCorrectFields.All(f => !wrong.Contains(f)) ? 1 : 0;
            }

            if (wrong.Count > 0)
            {
                failures.Add(FormatFailure(id, sender, body, expected, parsed, actual, wrong));
            }
        }

        WriteReport(output, total, transactions, txCorrect, truePositive, falsePositive, falseNegative, allCorrect, fieldCorrect);
        if (verbose)
        {
            output.WriteLine();
            output.WriteLine($"Failing messages ({failures.Count}):");
            failures.ForEach(output.WriteLine);
        }

        return 0;
    }

    private static void WriteReport(
        TextWriter output, int total, int transactions, int txCorrect, int truePositive, int falsePositive, int falseNegative,
        int allCorrect, Dictionary<string, int> fieldCorrect)
    {
        output.WriteLine($"messages: {total} ({transactions} expected transactions)");
        output.WriteLine($"is_transaction accuracy: {Percent(txCorrect, total)}  precision: {Percent(truePositive, truePositive + falsePositive)}  recall: {Percent(truePositive, truePositive + falseNegative)}");
        output.WriteLine("per-field accuracy over expected transactions:");
        foreach (var field in Fields)
        {
            var note = field is "currency" or "reference" ? "  (not in all-fields)" : "";
            output.WriteLine($"  {field,-13} {Percent(fieldCorrect[field], transactions)}  ({fieldCorrect[field]}/{transactions}){note}");
        }

        output.WriteLine($"all fields correct: {Percent(allCorrect, total)}  ({allCorrect}/{total})");
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static Dictionary<string, string?> Describe(ParsedSms parsed) => new()
    {
        ["direction"] = parsed.Direction?.ToString().ToLowerInvariant(),
        ["amount"] = parsed.Amount?.ToString(CultureInfo.InvariantCulture),
        ["currency"] = parsed.Currency,
        ["merchant"] = parsed.Merchant,
        ["account_tail"] = parsed.AccountTail,
        ["date"] = parsed.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["balance"] = parsed.Balance?.ToString(CultureInfo.InvariantCulture),
        ["reference"] = parsed.Reference,
    };

    private static string? Text(JsonElement expected, string field) =>
        expected.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    private static bool FieldEquals(string field, string? expected, string? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        return field switch
        {
            "amount" or "balance" => ToDecimal(expected) is { } e && ToDecimal(actual) is { } a && e == a,
            "merchant" or "reference" => NormalizeText(expected) == NormalizeText(actual),
            "account_tail" => LastFour(expected) == LastFour(actual),
            "date" => expected[..Math.Min(10, expected.Length)] == actual[..Math.Min(10, actual.Length)],
            _ => string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static decimal? ToDecimal(string value)
    {
        var cleaned = value.Replace(" ", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        foreach (var prefix in new[] { "INR", "Rs", "USD", "AED", "₹", "$" })
        {
            if (cleaned.StartsWith(prefix, StringComparison.Ordinal))
            {
                cleaned = cleaned[prefix.Length..];
            }
        }

        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var result) ? result : null;
    }

    private static string NormalizeText(string value)
    {
        var normalized = string.Join(' ', value.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return normalized.Trim().Trim(".,;:-_*!?'\"()[]/|".ToCharArray()).Trim().ToLowerInvariant();
    }

    private static string LastFour(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        return digits.Length > 4 ? digits[^4..] : digits;
    }

    private static string FormatFailure(
        string id, string? sender, string body, JsonElement expected, ParsedSms parsed, Dictionary<string, string?> actual, List<string> wrong)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{id} [{sender}] wrong: {string.Join(", ", wrong)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  body: {body.Replace('\n', '|')}\n");
        text.Append(CultureInfo.InvariantCulture, $"  expected: tx={Text(expected, "is_transaction")}");
        foreach (var field in Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $" {field}={Text(expected, field) ?? "-"}");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n  actual:   tx={parsed.IsTransaction.ToString().ToLowerInvariant()}");
        if (!parsed.IsTransaction)
        {
            text.Append(CultureInfo.InvariantCulture, $" ignored={parsed.IgnoredReason}");
        }

        foreach (var field in Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $" {field}={actual[field] ?? "-"}");
        }

        return text.ToString();
    }
}
