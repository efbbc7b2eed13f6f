using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>A WhatsApp message as Meta accepted it: text, or a template with its body parameters; and the JSON as sent.</summary>
public sealed record MetaMessage(
    string Wamid, string To, string Type, string? Text, string? TemplateName, string? TemplateLanguage, IReadOnlyList<string> Parameters, string? CallbackData, string Json);

/// <summary>
/// Meta's Cloud API messages endpoint on a loopback port, strict the way the real one is (see MESSAGING.md): the API
/// version and phone number id in the path, a bearer token, a JSON text or template message and nothing else;
/// 200 with the <c>wamid</c>. A test can close a number's 24-hour window (text is refused with 131047) or make the
/// next sends fail with a given error.
/// </summary>
public sealed class FakeMeta : IAsyncDisposable
{
    public const string ApiVersion = "v21.0";
    public const string PhoneNumberId = "106540352242922";
    public const string AccessToken = "fake-meta-access-token";

    private static readonly HashSet<string> Fields = ["messaging_product", "recipient_type", "to", "type", "text", "template", "biz_opaque_callback_data"];

    private readonly ConcurrentQueue<MetaMessage> messages = new();
    private readonly ConcurrentDictionary<string, bool> closedWindows = new();
    private readonly ConcurrentQueue<(int Status, int Code)> refusals = new();
    private volatile bool down;
    private int refusedWhileDown;
    private TaskCompletionSource<MetaMessage>? held;
    private TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<MetaMessage> Messages => [.. messages];

    /// <summary>The person has not written for more than 24 hours: free text to them is refused with 131047.</summary>
    public void CloseWindow(string to) => closedWindows[to] = true;

    /// <summary>The next <paramref name="times"/> sends answer HTTP <paramref name="status"/> with Meta's error <paramref name="code"/>.</summary>
    public void RefuseNext(int status, int code, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            refusals.Enqueue((status, code));
        }
    }

    /// <summary>Every send answers 503 until <see cref="ComeBack"/>, as during an outage; <see cref="RefusedWhileDown"/> counts them.</summary>
    public void GoDown() => down = true;

    public void ComeBack() => down = false;

    /// <summary>Sends refused while down.</summary>
    public int RefusedWhileDown => refusedWhileDown;

    /// <summary>
    /// The next accepted send waits for <see cref="Release"/> before Meta answers, as when a status event outruns the
    /// answer; the task gives the message as soon as it arrives.
    /// </summary>
    public Task<MetaMessage> HoldNextAsync()
    {
        release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return held.Task;
    }

    public void Release() => release.TrySetResult();

    public int CountTo(string to) => messages.Count(m => m.To == to);

    /// <summary>Waits until a message to <paramref name="to"/> of the type (and template) given arrives.</summary>
    public async Task<MetaMessage> WaitForAsync(string to, string type, string? template = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (messages.FirstOrDefault(m => m.To == to && m.Type == type && (template is null || m.TemplateName == template)) is { } message)
            {
                return message;
            }

            // The app sends from a background loop; there is nothing to await but the message itself.
            await Task.Delay(50);
        }

        throw new TimeoutException($"No {type} message {template} to {to} arrived.");
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        app = builder.Build();
        app.MapPost("/{version}/{phoneNumberId}/messages", SendAsync);
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
    }

    private async Task<IResult> SendAsync(string version, string phoneNumberId, HttpRequest request)
    {
        if (version != ApiVersion || phoneNumberId != PhoneNumberId)
        {
            return Error(400, 100, $"Unsupported post request. Object with ID '{phoneNumberId}' does not exist.");
        }

        if (request.Headers.Authorization != $"Bearer {AccessToken}")
        {
            return Error(401, 190, "Invalid OAuth access token - Cannot parse access token");
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return Error(400, 100, "Send the message as JSON.");
        }

        if (down)
        {
            Interlocked.Increment(ref refusedWhileDown);
            return Error(503, 2, "Service temporarily unavailable");
        }

        if (refusals.TryDequeue(out var refusal))
        {
            return Error(refusal.Status, refusal.Code, "Refused as the test asked.");
        }

        var json = await new StreamReader(request.Body).ReadToEndAsync();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !Fields.Contains(n)) is { } unknown)
        {
            return Error(400, 100, $"Param {unknown} is not a valid parameter.");
        }

        var to = Text(root, "to");
        var type = Text(root, "type");
        if (Text(root, "messaging_product") != "whatsapp" || Text(root, "recipient_type") is not (null or "individual") || string.IsNullOrEmpty(to))
        {
            return Error(400, 100, "The parameter messaging_product, recipient_type or to is invalid.");
        }

        string? body = null, name = null, language = null;
        var parameters = new List<string>();
        if (type == "text" && root.TryGetProperty("text", out var text))
        {
            body = Text(text, "body");
            if (body is not { Length: > 0 and <= 4096 })
            {
                return Error(400, 100, "Param text['body'] must be 1 to 4096 characters long.");
            }

            if (closedWindows.ContainsKey(to))
            {
                return Error(400, 131047, "Re-engagement message");
            }
        }
        else if (type == "template" && root.TryGetProperty("template", out var template))
        {
            name = Text(template, "name");
            language = template.TryGetProperty("language", out var code) ? Text(code, "code") : null;
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(language))
            {
                return Error(400, 100, "Param template['name'] and template['language']['code'] are required.");
            }

            var components = template.TryGetProperty("components", out var given) ? given.EnumerateArray().ToList() : [];
            foreach (var component in components)
            {
                if (Text(component, "type") != "body" || component.GetProperty("parameters").EnumerateArray().Any(p => Text(p, "type") != "text" || Text(p, "text") is not { Length: > 0 }))
                {
                    return Error(400, 100, "Only body components with text parameters are expected here.");
                }

                parameters.AddRange(component.GetProperty("parameters").EnumerateArray().Select(p => Text(p, "text")!));
            }
        }
        else
        {
            return Error(400, 100, "Param type must be text or template, with its object.");
        }

        var wamid = "wamid." + Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var message = new MetaMessage(wamid, to, type!, body, name, language, parameters, Text(root, "biz_opaque_callback_data"), json);
        if (Interlocked.Exchange(ref held, null) is { } arrived)
        {
            arrived.TrySetResult(message);
            await release.Task;
        }

        messages.Enqueue(message);
        return Results.Json(new
        {
            messaging_product = "whatsapp",
            contacts = new[] { new { input = to, wa_id = to.TrimStart('+') } },
            messages = new[] { new { id = wamid } },
        });
    }

    private static IResult Error(int status, int code, string message) => Results.Json(
        new { error = new { message, type = "OAuthException", code, error_data = new { details = message }, fbtrace_id = "AbCdEf0123456789" } },
        statusCode: status);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
