using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Users;

public sealed class MeTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task GetMe_ReturnsTheProfileWithDefaults()
    {
        var user = await app.RegisterUserAsync();

        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal("UTC", me.GetProperty("timeZone").GetString());
        Assert.Equal("monday", me.GetProperty("weekStart").GetString());
        Assert.Equal(1, me.GetProperty("monthStartDay").GetInt32());
        Assert.Equal(3, me.GetProperty("currency").GetString()!.Length);
        Assert.True(me.TryGetProperty("createdAt", out _));
        Assert.False(me.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task UpdateMe_WithValidSettings_SavesThem()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PatchAsJsonAsync("/api/v1/me",
            new { displayName = "Grace", timeZone = "Asia/Kolkata", currency = "inr", weekStart = "sunday", monthStartDay = 25 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("Grace", me.GetProperty("displayName").GetString());
        Assert.Equal("Asia/Kolkata", me.GetProperty("timeZone").GetString());
        Assert.Equal("INR", me.GetProperty("currency").GetString());
        Assert.Equal("sunday", me.GetProperty("weekStart").GetString());
        Assert.Equal(25, me.GetProperty("monthStartDay").GetInt32());
    }

    [Theory]
    [InlineData("{\"timeZone\":\"Mars/Olympus\"}", "timeZone")]
    [InlineData("{\"currency\":\"XYZ\"}", "currency")]
    [InlineData("{\"monthStartDay\":29}", "monthStartDay")]
    [InlineData("{\"monthStartDay\":0}", "monthStartDay")]
    public async Task UpdateMe_WithAnInvalidValue_ReturnsValidationProblemNamingTheField(string json, string field)
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PatchAsync("/api/v1/me", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("{\"weekStart\":\"funday\"}")]
    [InlineData("{\"monthStartDay\":\"soon\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"displayName\": ")]
    public async Task UpdateMe_WithWrongTypesOrMalformedJson_Returns400Problem(string json)
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PatchAsync("/api/v1/me", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UpdateMe_WithAnotherContentType_Returns415Problem()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PatchAsync("/api/v1/me", new StringContent("displayName=x", System.Text.Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task UpdateMe_WithABodyOverOneMebibyte_Returns413Problem()
    {
        var user = await app.RegisterUserAsync();
        var huge = "{\"displayName\":\"" + new string('x', 1_100_000) + "\"}";

        var response = await user.Client.PatchAsync("/api/v1/me", new StringContent(huge, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_ReturnsValidationProblemOnCurrentPassword()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "not it at all", newPassword = "a whole new passphrase 7" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _));
    }

    [Fact]
    public async Task ChangePassword_RevokesOtherSessionsAndKeepsThisOne()
    {
        var user = await app.RegisterUserAsync();
        var otherLogin = await app.CookielessClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        var response = await user.Client.PostAsJsonAsync("/api/v1/me/password",
            new { currentPassword = user.Password, newPassword = "a whole new passphrase 7" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(otherLogin.RefreshTokenFrom()))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var continued = await user.Client.PostAsync("/api/v1/auth/refresh", null);
        Assert.Equal(HttpStatusCode.OK, continued.StatusCode);
        var oldPassword = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        var newPassword = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "a whole new passphrase 7" });
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPassword.StatusCode);
    }

    [Fact]
    public async Task Export_ContainsTheUsersRecordsAndNoSecrets()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.GetAsync("/api/v1/me/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(text).RootElement;
        Assert.Equal(user.Email, export.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(12, export.GetProperty("categories").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, export.GetProperty("expenses").ValueKind);
        Assert.DoesNotContain("$2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tokenHash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DeleteAccount_WithTheWrongPassword_KeepsEverything()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = "wrong one here" }) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task DeleteAccount_WithThePassword_RemovesTheUserAndEndsEveryToken()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = user.Password }) });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await user.Client.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await user.Client.PostAsync("/api/v1/auth/refresh", null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var again = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }
}
