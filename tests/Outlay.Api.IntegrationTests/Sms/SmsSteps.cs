using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;
using Outlay.Api.IntegrationTests.Infrastructure;
using Outlay.Api.Sms;

namespace Outlay.Api.IntegrationTests.Sms;

/// <summary>Arranges SMS ingestion like a user and their phone would: consent, a token, a forwarder posting.</summary>
public static partial class SmsSteps
{
    // Invented messages from invented banks; none comes from a real bank or from the shared corpus.
    public const string SwiggyDebit =
        "Rs.1,249.00 spent on your Kestrel Bank Credit Card XX4821 at SWIGGY on 14-11-2026. Avl limit: Rs.48,751.00. Ref 610482937551.";
    public const string SalaryCredit = "Rs.25,000.00 credited to A/c XX4821 on 14-11-2026 by NEFT from ACME PAYROLL. Avl Bal Rs.61,204.55";
    public const string Otp = "482913 is your OTP for a transaction of Rs.3,499.00 at AMAZON on your Kestrel Bank card XX4821. Valid for 5 mins. Do not share it with anyone.";
    public const string Promotion = "Get up to 20% cashback on grocery shopping this weekend with your Kestrel Bank card! T&C apply. Visit kestrel.example/offers";
    public const string Declined = "Payment of Rs.2,150.00 to DOMINOS PIZZA from card XX4821 is declined due to insufficient funds.";
    public const string UpiDebit = "Rs.640.00 debited from A/c XX9034 on 15-11-2026 to VPA freshmart@okaxis. UPI Ref 631922847710.";
    public const string UpiAppNotice = "You paid Rs.640.00 to FRESHMART via UPI from A/c XX9034. UPI Ref No 631922847710.";
    public const string CardDebit = "INR 899.00 spent on card XX5512 at CINEPOLIS on 15-11-2026.";
    public const string CardAlert = "Alert: Your card XX5512 was used for INR 899.00 at CINEPOLIS.";

    public static async Task EnableSmsAsync(this TestUser user, bool? keepMessageBodies = null)
    {
        var response = await user.Client.PutAsJsonAsync("/api/v1/me/sms-settings", new { enabled = true, keepMessageBodies });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task DisableSmsAsync(this TestUser user)
    {
        var response = await user.Client.PutAsJsonAsync("/api/v1/me/sms-settings", new { enabled = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<CreatedToken> CreateSmsTokenAsync(this TestUser user, string? name = "test phone")
    {
        var response = await user.Client.PostAsJsonAsync("/api/v1/sms/tokens", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedToken>())!;
    }

    /// <summary>A user who consented and whose phone holds an ingest token.</summary>
    public static async Task<(TestUser User, HttpClient Phone, CreatedToken Token)> PhoneForwardingAsync(this WebApplicationFactory<Program> app)
    {
        var user = await app.RegisterUserAsync();
        await user.EnableSmsAsync();
        var token = await user.CreateSmsTokenAsync();
        return (user, app.PhoneWithToken(token.Token), token);
    }

    /// <summary>A client with no cookies that sends the ingest token as a bearer token, like a forwarder app.</summary>
    public static HttpClient PhoneWithToken(this WebApplicationFactory<Program> app, string token)
    {
        var phone = app.CookielessClient();
        phone.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return phone;
    }

    public static Task<HttpResponseMessage> PostSmsAsync(this HttpClient phone, string body, string? sender = "VM-KESTRL", object? receivedAt = null) =>
        phone.PostAsJsonAsync("/api/v1/sms", new { sender, body, receivedAt });

    public static async Task<JsonElement> ReadIngestedAsync(this HttpResponseMessage response, string expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.True(body.GetProperty("status").GetString() == expectedStatus, $"expected {expectedStatus}: {text}");
        return body;
    }

    public static async Task<T> InDatabaseAsync<T>(this WebApplicationFactory<Program> app, Func<OutlayDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        return await query(db);
    }

    public static Task<List<SmsMessage>> SmsMessagesOfAsync(this WebApplicationFactory<Program> app, Guid userId) =>
        app.InDatabaseAsync(db => db.SmsMessages.AsNoTracking().Where(m => m.UserId == userId).ToListAsync());

    public static Task<int> ExpenseCountAsync(this WebApplicationFactory<Program> app, Guid userId) =>
        app.InDatabaseAsync(db => db.Expenses.IgnoreQueryFilters().CountAsync(e => e.UserId == userId));

    /// <summary>The example payloads of docs/sms-forwarding.md, by name: the tests post exactly what the guide shows.</summary>
    public static IReadOnlyDictionary<string, string> DocumentedExamples { get; } = ReadDocumentedExamples();

    public static HttpContent ContentOf(string exampleName)
    {
        var example = DocumentedExamples[exampleName];
        return exampleName == "form"
            ? new StringContent(example, Encoding.UTF8, "application/x-www-form-urlencoded")
            : new StringContent(example, Encoding.UTF8, "application/json");
    }

    private static Dictionary<string, string> ReadDocumentedExamples()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Outlay.slnx")))
        {
            folder = folder.Parent;
        }

        var guide = File.ReadAllText(Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Repository root not found."), "docs", "sms-forwarding.md"));
        return ExampleBlock().Matches(guide).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["text"].Value.Trim());
    }

    [GeneratedRegex(@"^```\w+ example=(?<name>[\w-]+)\n(?<text>.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}

public sealed record CreatedToken(Guid Id, string Token, string? Name, DateTimeOffset CreatedAt);
