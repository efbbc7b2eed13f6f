using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Outlay.Api.Notifications.Channels;

/// <summary>
/// Sends one WhatsApp message through Meta's Cloud API: a JSON POST with a bearer token to
/// <c>/{ApiVersion}/{PhoneNumberId}/messages</c>. Free text only reaches someone who wrote to us within 24 hours;
/// when Meta says the window is closed (131047), the kind's approved template goes instead, at once.
/// The delivery id rides along as <c>biz_opaque_callback_data</c> and comes back in status events.
/// </summary>
public sealed partial class MetaWhatsApp(HttpClient http, IOptions<MetaOptions> options, ILogger<MetaWhatsApp> logger)
{
    public const string OutsideWindow = "131047";

    private const int MaxTextLength = 4096;

    /// <summary>Throughput and per-person pacing limits: later is fine.</summary>
    private static readonly HashSet<string> RetryLater = ["130429", "131056"];

    public async Task<SendResult> SendAsync(PhoneMessage message, CancellationToken cancellationToken)
    {
        if (!message.AsTemplate)
        {
            var text = await PostAsync(message, Envelope(message, "text", new JsonObject
            {
                ["preview_url"] = false,
                ["body"] = message.Body.Length > MaxTextLength ? message.Body[..MaxTextLength] : message.Body,
            }), cancellationToken);
            if (text.ErrorCode != OutsideWindow)
            {
                return text;
            }
        }

        if (options.Value.TemplateFor(message.Kind) is not { } template)
        {
            LogNoTemplate(logger, message.Kind, message.DeliveryId);
            return SendResult.Failed(SendResult.NoTemplate, $"No approved WhatsApp template is configured for {message.Kind}, and free text cannot reach this number now.", permanent: true);
        }

        return await PostAsync(message, Envelope(message, "template", TemplateOf(message, template)), cancellationToken) with { AsTemplate = true };
    }

    private static JsonObject TemplateOf(PhoneMessage message, MetaTemplateOptions template)
    {
        var content = new JsonObject { ["name"] = template.Name, ["language"] = new JsonObject { ["code"] = template.Language } };
        if (message.TemplateParameters.Count > 0)
        {
            var parameters = new JsonArray([.. message.TemplateParameters.Select(p => new JsonObject { ["type"] = "text", ["text"] = OneLine(p) })]);
            content["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameters });
        }

        return content;
    }

    private static JsonObject Envelope(PhoneMessage message, string type, JsonObject content)
    {
        var json = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = message.To,
            ["type"] = type,
            [type] = content,
        };
        if (message.DeliveryId is { } id)
        {
            json["biz_opaque_callback_data"] = id.ToString();
        }

        return json;
    }

    /// <summary>Meta refuses template parameters with line breaks, tabs or long runs of spaces.</summary>
    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    private async Task<SendResult> PostAsync(PhoneMessage message, JsonObject body, CancellationToken cancellationToken)
    {
        var meta = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{meta.ApiVersion}/{Uri.EscapeDataString(meta.PhoneNumberId!)}/messages")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", meta.AccessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = Answer.Read(await response.Content.ReadAsStringAsync(cancellationToken));
            if (response.IsSuccessStatusCode && answer.MessageId is { } wamid)
            {
                return SendResult.Sent(wamid);
            }

            var status = (int)response.StatusCode;
            var code = answer.ErrorCode ?? status.ToString(CultureInfo.InvariantCulture);
            var permanent = status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests && !RetryLater.Contains(code);
            LogRefused(logger, message.Kind, message.DeliveryId, status, code);
            return SendResult.Failed(code, answer.ErrorMessage ?? response.ReasonPhrase ?? "refused", permanent);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, message.Kind, message.DeliveryId, exception);
            return SendResult.Failed("unreachable", "Meta could not be reached.", permanent: false);
        }
    }

    /// <summary>The parts of Meta's answer we use: <c>messages[0].id</c>, or <c>error.code</c> and <c>error.message</c>.</summary>
    private sealed record Answer(string? MessageId, string? ErrorCode, string? ErrorMessage)
    {
        public static Answer Read(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return new(null, null, null);
                }

                if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
                    && messages[0].TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    return new(id.GetString(), null, null);
                }

                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    var code = error.TryGetProperty("code", out var c) ? c.ToString() : null;
                    var text = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    return new(null, code, text);
                }
            }
            catch (JsonException)
            {
                // an HTML error page from a proxy: the HTTP status decides
            }

            return new(null, null, null);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta refused a WhatsApp {Kind} message (delivery {DeliveryId}): HTTP {Status}, error {Code}")]
    private static partial void LogRefused(ILogger logger, string kind, Guid? deliveryId, int status, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta could not be reached for a WhatsApp {Kind} message (delivery {DeliveryId})")]
    private static partial void LogUnreachable(ILogger logger, string kind, Guid? deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A WhatsApp {Kind} message (delivery {DeliveryId}) needs an approved template and none is configured")]
    private static partial void LogNoTemplate(ILogger logger, string kind, Guid? deliveryId);
}
