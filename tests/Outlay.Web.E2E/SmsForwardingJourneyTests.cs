using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outlay.Web.E2E.Infrastructure;

namespace Outlay.Web.E2E;

/// <summary>
/// Setting up SMS forwarding in the web app: consent, an ingest token, a phone (here an HttpClient) posting a
/// bank SMS to the address the page shows, the expense in the list, and the token revoked.
/// </summary>
public sealed class SmsForwardingJourneyTests(OutlayBrowserFixture app) : IClassFixture<OutlayBrowserFixture>
{
    [Fact]
    public async Task ForwardedDebit_WithATokenFromThePage_BecomesAnExpenseUntilTheTokenIsRevoked()
    {
        var page = await app.NewPageAsync();
        await OutlayBrowserFixture.SignUpInBackgroundAsync(page, Account.New("Sam Sms"));
        await page.GotoAsync("/");
        await page.GoViaNavigationAsync("Settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up SMS forwarding" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SMS forwarding", Level = 1 })).ToBeVisibleAsync();

        var forwarding = page.GetByRole(AriaRole.Region, new() { Name = "Forwarding" });
        await Expect(forwarding.GetByRole(AriaRole.Status)).ToHaveTextAsync("SMS forwarding is off. Outlay refuses any message posted to it.");
        await forwarding.GetByRole(AriaRole.Button, new() { Name = "Turn on SMS forwarding" }).ClickAsync();
        await Expect(forwarding.GetByRole(AriaRole.Status)).ToContainTextAsync("SMS forwarding is on since");

        var tokens = page.GetByRole(AriaRole.Region, new() { Name = "Ingest tokens" });
        await tokens.GetByLabel("Token name").FillAsync("Pixel 9 forwarder");
        await tokens.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var newToken = tokens.GetByRole(AriaRole.Region, new() { Name = "New token “Pixel 9 forwarder”" });
        var ingestUrl = await newToken.GetByLabel("Address with the token").InputValueAsync();
        Assert.StartsWith($"{app.BaseAddress.ToString().TrimEnd('/')}/api/v1/sms/ingest/osms_", ingestUrl, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "sms-forwarding");

        using var phone = new HttpClient();
        using (var answer = await phone.PostAsJsonAsync(ingestUrl, BankDebit()))
        {
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal("created", body.RootElement.GetProperty("status").GetString());
        }

        await page.GoViaNavigationAsync("Expenses");
        var expense = page.GetByRole(AriaRole.Region, new() { Name = "Expense list" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "SWIGGY" });
        await Expect(expense).ToContainTextAsync("₹1,249.00");
        await Expect(expense).ToContainTextAsync("sms");

        await page.GoBackAsync();
        tokens = page.GetByRole(AriaRole.Region, new() { Name = "Ingest tokens" });
        var row = tokens.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pixel 9 forwarder" });
        await Expect(row).Not.ToContainTextAsync("Never");
        await Expect(tokens.GetByRole(AriaRole.Region, new() { Name = "New token “Pixel 9 forwarder”" })).ToHaveCountAsync(0);
        await tokens.GetByRole(AriaRole.Button, new() { Name = "Revoke Pixel 9 forwarder" }).ClickAsync();
        await tokens.GetByRole(AriaRole.Form, new() { Name = "Revoke Pixel 9 forwarder" })
            .GetByRole(AriaRole.Button, new() { Name = "Revoke token" }).ClickAsync();
        await Expect(page.GetByText("Revoked “Pixel 9 forwarder”. Messages sent with it are now refused.")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);

        using var refused = await phone.PostAsJsonAsync(ingestUrl, BankDebit());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    /// <summary>The card payment of docs/sms-forwarding.md, dated today so it lands in this month's list.</summary>
    private static object BankDebit()
    {
        var today = OutlayBrowserFixture.Now.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        return new
        {
            sender = "VM-KESTRL",
            body = $"Rs.1,249.00 spent on your Kestrel Bank Credit Card XX4821 at SWIGGY on {today}. Avl limit: Rs.48,751.00. Ref 610482937551.",
        };
    }
}
