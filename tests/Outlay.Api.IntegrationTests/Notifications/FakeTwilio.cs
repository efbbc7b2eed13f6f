using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>A message as Twilio received it.</summary>
public sealed record TwilioMessage(string Sid, string To, string? From, string? MessagingServiceSid, string Body, string? StatusCallback);

/// <summary>
/// Twilio's Messages endpoint on a loopback port, strict the way the real one is (see MESSAGING.md): Basic auth
/// with the account's SID and token, a form body with To, From or MessagingServiceSid, and Body; the test
/// credentials' magic numbers; 201 with the message JSON. A test can make it answer an outage for a while.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "fake-twilio-auth-token";
    public const string InvalidNumber = "+15005550001";

    private readonly ConcurrentQueue<TwilioMessage> messages = new();
    private WebApplication? app;
    private int outages;
    private int refusals;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<TwilioMessage> Messages => [.. messages];

    /// <summary>The next <paramref name="count"/> sends answer 503, as during an outage.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref outages, count);

    /// <summary>The next send is refused for good: the recipient replied STOP (21610).</summary>
    public void RefuseNext() => Interlocked.Exchange(ref refusals, 1);

    /// <summary>Waits until a message to <paramref name="to"/> arrives whose body contains <paramref name="text"/>.</summary>
    public async Task<TwilioMessage> WaitForAsync(string to, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (messages.FirstOrDefault(m => m.To == to && m.Body.Contains(text, StringComparison.Ordinal)) is { } message)
            {
                return message;
            }

            // The app sends from a background loop; there is nothing to await but the message itself.
            await Task.Delay(50);
        }

        throw new TimeoutException($"No message to {to} containing '{text}' arrived.");
    }

    public int CountTo(string to, string text) => messages.Count(m => m.To == to && m.Body.Contains(text, StringComparison.Ordinal));

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        app = builder.Build();
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", SendAsync);
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
    }

    private async Task<IResult> SendAsync(string sid, HttpRequest request)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (sid != AccountSid || request.Headers.Authorization != expected)
        {
            return Error(401, 20003, "Authenticate");
        }

        if (Interlocked.Decrement(ref outages) >= 0)
        {
            return Error(503, 20500, "Service unavailable");
        }

        if (!request.HasFormContentType)
        {
            return Error(400, 20001, "Send the message as application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync();
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        if (Field("To") is not { Length: > 0 } to)
        {
            return Error(400, 21604, "A 'To' phone number is required.");
        }

        if (Field("From") is null && Field("MessagingServiceSid") is null)
        {
            return Error(400, 21603, "A 'From' phone number is required.");
        }

        if (Field("Body") is not { Length: > 0 } body)
        {
            return Error(400, 21602, "Message body is required.");
        }

        if (Interlocked.Exchange(ref refusals, 0) == 1)
        {
            return Error(400, 21610, "Attempt to send to unsubscribed recipient");
        }

        if (to.EndsWith(InvalidNumber, StringComparison.Ordinal))
        {
            return Error(400, 21211, $"The 'To' number {to} is not a valid phone number.");
        }

        var messageSid = "SM" + Guid.NewGuid().ToString("N");
        messages.Enqueue(new TwilioMessage(messageSid, to, Field("From"), Field("MessagingServiceSid"), body, Field("StatusCallback")));
        return Results.Json(
            new Dictionary<string, object?>
            {
                ["sid"] = messageSid,
                ["status"] = "queued",
                ["to"] = to,
                ["from"] = Field("From"),
                ["body"] = body,
                ["num_segments"] = "1",
                ["error_code"] = null,
                ["date_created"] = DateTimeOffset.UtcNow.ToString("r"),
            },
            statusCode: StatusCodes.Status201Created);
    }

    private static IResult Error(int status, int code, string message) => Results.Json(
        new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status },
        statusCode: status);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
