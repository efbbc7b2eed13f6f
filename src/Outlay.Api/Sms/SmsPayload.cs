using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Outlay.Api.Sms;

/// <summary>
/// One SMS as a forwarder app posts it. Apps cannot be taught our field names, so this reads theirs:
/// <c>{sender, body, receivedAt}</c>, <c>from</c>/<c>text</c>/<c>sentStamp</c>/<c>receivedStamp</c>,
/// <c>{payload: {...}}</c> envelopes, CloudEvents (<c>data.contact</c>/<c>data.content</c>/<c>data.timestamp</c>)
/// and form posts, with epoch-millisecond or ISO 8601 times.
/// </summary>
public sealed record SmsPayload(string? Sender, string Body, DateTimeOffset? ReceivedAt)
{
    public const int MaxBodyLength = 2000;

    private static readonly string[] BodyNames = ["body", "message", "text", "content", "msg"];
    private static readonly string[] SenderNames = ["sender", "from", "phone", "number", "contact", "address"];
    private static readonly string[] TimeNames = ["receivedAt", "receivedStamp", "timestamp", "sentStamp", "sentAt", "time"];

    /// <summary>The payload, or the field errors (keyed like the canonical JSON names) that stop us reading one.</summary>
    public static async Task<(SmsPayload? Payload, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fields = request.HasFormContentType
            ? await ReadFormAsync(request, cancellationToken)
            : await ReadJsonAsync(request, cancellationToken);
        return Check(fields);
    }

    private static (SmsPayload? Payload, Dictionary<string, string[]> Errors) Check(Fields fields)
    {
        var errors = new Dictionary<string, string[]>();
        var body = fields.Body?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(body))
        {
            errors["body"] = ["The SMS text is required (as body, message, text, content or msg)."];
        }
        else if (body.Length > MaxBodyLength)
        {
            errors["body"] = [$"At most {MaxBodyLength} characters."];
        }

        var sender = string.IsNullOrWhiteSpace(fields.Sender) ? null : fields.Sender.Trim();
        if (sender?.Length > SmsMessage.MaxSenderLength)
        {
            errors["sender"] = [$"At most {SmsMessage.MaxSenderLength} characters."];
        }

        return errors.Count > 0 ? (null, errors) : (new SmsPayload(sender, body!, ParseTime(fields.Time)), errors);
    }

    private static async Task<Fields> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        string? First(string[] names) => names
            .Select(name => form.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value)
            .Select(value => StringValues.IsNullOrEmpty(value) ? null : value.ToString())
            .FirstOrDefault(value => value is not null);
        return new Fields(First(SenderNames), First(BodyNames), First(TimeNames));
    }

    private static async Task<Fields> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Forwarders label JSON as text/plain, or not at all; anything that is not a form must be a JSON object.
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new BadHttpRequestException("The request body is not a JSON object or a form.", StatusCodes.Status400BadRequest, exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BadHttpRequestException("The request body must be a JSON object.", StatusCodes.Status400BadRequest);
            }

            var message = root;
            if (Property(root, "payload") is { ValueKind: JsonValueKind.Object } payload)
            {
                message = payload;
            }
            else if (Property(root, "data") is { ValueKind: JsonValueKind.Object } data && First(root, BodyNames) is null)
            {
                // CloudEvents: the SMS is the event's data; the event's own time is the fallback.
                message = data;
            }

            return new Fields(First(message, SenderNames), First(message, BodyNames), First(message, TimeNames) ?? First(root, TimeNames));
        }
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? First(JsonElement element, string[] names) => names
        .Select(name => Property(element, name))
        .Select(value => value?.ValueKind switch
        {
            JsonValueKind.String => value.Value.GetString(),
            JsonValueKind.Number => value.Value.GetRawText(),
            _ => null,
        })
        .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    /// <summary>Epoch milliseconds (seconds when too small to be milliseconds) or ISO 8601; null when unreadable.</summary>
    public static DateTimeOffset? ParseTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var epoch))
        {
            // 10^11 ms is 1973; 10^11 s is the year 5138. Anything smaller is seconds.
            var milliseconds = epoch < 100_000_000_000m ? epoch * 1000m : epoch;
            return milliseconds <= 253_402_300_799_999m
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds)
                : null;
        }

        // A time the app wrote in some local format is not worth losing the SMS over: the server's clock stands in.
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
    }

    private sealed record Fields(string? Sender, string? Body, string? Time);
}
