using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Outlay.Api.Notifications.Channels;

/// <summary>
/// Sends one message through Twilio's Messaging API: a form POST with HTTP Basic auth to
/// <c>/2010-04-01/Accounts/{AccountSid}/Messages.json</c>. WhatsApp goes the same way with
/// <c>whatsapp:</c> in front of both numbers. No SDK: it fixes the host and keeps static state.
/// </summary>
public sealed partial class TwilioMessages(
    HttpClient http, IOptions<TwilioOptions> options, IOptions<NotificationOptions> notifications, ILogger<TwilioMessages> logger)
{
    public async Task<SendResult> SendAsync(string channel, string to, string body, CancellationToken cancellationToken)
    {
        var twilio = options.Value;
        var whatsApp = channel == NotificationChannels.WhatsApp;
        var form = new List<KeyValuePair<string, string>> { new("To", whatsApp ? $"whatsapp:{to}" : to), new("Body", body) };
        if (whatsApp)
        {
            form.Add(new("From", $"whatsapp:{twilio.WhatsAppFrom}"));
        }
        else if (!string.IsNullOrWhiteSpace(twilio.MessagingServiceSid))
        {
            form.Add(new("MessagingServiceSid", twilio.MessagingServiceSid));
        }
        else
        {
            form.Add(new("From", twilio.SmsFrom!));
        }

        if (notifications.Value.StatusCallbackUrl(ReceiveTwilioStatus.Path) is { } callback)
        {
            form.Add(new("StatusCallback", callback));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid!)}/Messages.json")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created && Read(json, "sid") is { } sid)
            {
                return SendResult.Sent(sid);
            }

            var code = Read(json, "code") ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var permanent = (int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests && code != "20429";
            LogRefused(logger, channel, (int)response.StatusCode, code);
            return SendResult.Failed(code, Read(json, "message") ?? response.ReasonPhrase ?? "refused", permanent);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, channel, exception);
            return SendResult.Failed("unreachable", "Twilio could not be reached.", permanent: false);
        }
    }

    private static string? Read(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio refused a {Channel} message: HTTP {Status}, error {Code}")]
    private static partial void LogRefused(ILogger logger, string channel, int status, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio could not be reached for a {Channel} message")]
    private static partial void LogUnreachable(ILogger logger, string channel, Exception exception);
}
