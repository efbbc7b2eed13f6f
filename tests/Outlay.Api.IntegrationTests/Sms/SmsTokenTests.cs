using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Sms;

public sealed class SmsTokenTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Create_WithAName_ReturnsTheTokenOnceAndStoresOnlyItsHash()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/sms/tokens", new { name = "Pixel" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CreatedToken>())!;
        Assert.StartsWith("osms_", created.Token);
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(created.Token["osms_".Length..]).Length);
        Assert.Equal("Pixel", created.Name);
        var stored = await app.InDatabaseAsync(db => db.SmsIngestTokens.AsNoTracking().SingleAsync(t => t.Id == created.Id));
        Assert.Equal(SHA256.HashData(Base64UrlEncoder.DecodeBytes(created.Token["osms_".Length..])), stored.TokenHash);

        var list = await user.Client.GetStringAsync("/api/v1/sms/tokens");
        Assert.DoesNotContain(created.Token, list);
    }

    [Fact]
    public async Task List_AfterTheTokenWasUsed_ShowsLastUsedAt()
    {
        var (user, phone, token) = await app.PhoneForwardingAsync();
        var other = await user.CreateSmsTokenAsync(name: null);

        await (await phone.PostSmsAsync(SmsSteps.CardAlert)).ReadIngestedAsync("created");

        var tokens = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/sms/tokens");
        var byId = tokens.EnumerateArray().ToDictionary(t => t.GetProperty("id").GetGuid());
        Assert.Equal(2, byId.Count);
        Assert.Equal(JsonValueKind.String, byId[token.Id].GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, byId[other.Id].GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, byId[other.Id].GetProperty("name").ValueKind);
        Assert.False(byId[token.Id].TryGetProperty("token", out _));
    }

    [Fact]
    public async Task Delete_OwnToken_RevokesItAtOnce()
    {
        var (user, phone, token) = await app.PhoneForwardingAsync();

        var deleted = await user.Client.DeleteAsync($"/api/v1/sms/tokens/{token.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var response = await phone.PostSmsAsync(SmsSteps.SwiggyDebit);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var viaPath = await app.CookielessClient().PostAsJsonAsync($"/api/v1/sms/ingest/{token.Token}", new { sender = "VM-KESTRL", body = SmsSteps.SwiggyDebit });
        await viaPath.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await app.SmsMessagesOfAsync(user.Id));
    }

    [Fact]
    public async Task Delete_AnotherUsersToken_ReturnsNotFoundAndTheTokenKeepsWorking()
    {
        var (_, phone, token) = await app.PhoneForwardingAsync();
        var stranger = await app.RegisterUserAsync();

        var response = await stranger.Client.DeleteAsync($"/api/v1/sms/tokens/{token.Id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        await (await phone.PostSmsAsync(SmsSteps.CardAlert)).ReadIngestedAsync("created");
    }

    [Fact]
    public async Task Ingest_WithAnAccessToken_ReturnsUnauthorized()
    {
        var user = await app.RegisterUserAsync();
        await user.EnableSmsAsync();

        var response = await user.Client.PostSmsAsync(SmsSteps.SwiggyDebit);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Empty(await app.SmsMessagesOfAsync(user.Id));
    }

    [Theory]
    [InlineData("/api/v1/sms")]
    [InlineData("/api/v1/sms/ingest/osms_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/api/v1/sms/ingest/not-a-token")]
    public async Task Ingest_WithoutAValidIngestToken_ReturnsUnauthorized(string path)
    {
        var response = await app.CookielessClient().PostAsJsonAsync(path, new { sender = "VM-KESTRL", body = SmsSteps.SwiggyDebit });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("GET", "/api/v1/expenses")]
    [InlineData("GET", "/api/v1/sms/tokens")]
    [InlineData("POST", "/api/v1/sms/parse")]
    [InlineData("PUT", "/api/v1/me/sms-settings")]
    public async Task IngestToken_OnAnyOtherEndpoint_ReturnsUnauthorized(string method, string path)
    {
        var (_, phone, _) = await app.PhoneForwardingAsync();

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = JsonContent.Create(new { enabled = false, sender = "VM-KESTRL", body = SmsSteps.SwiggyDebit });
        }

        var response = await phone.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
