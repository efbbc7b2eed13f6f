using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

public sealed class OAuthTokenEndpointTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task PasswordGrant_ReturnsAnRfc6749TokenResponse()
    {
        var user = await app.RegisterUserAsync();

        var response = await PostFormAsync(("grant_type", "password"), ("username", user.Email), ("password", user.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(900, body.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
        Assert.Null(response.RefreshSetCookie());
        var me = await app.ClientWithToken(body.GetProperty("access_token").GetString()!).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task RefreshTokenGrant_RotatesAndDetectsReuse()
    {
        var user = await app.RegisterUserAsync();
        var first = await (await PostFormAsync(("grant_type", "password"), ("username", user.Email), ("password", user.Password)))
            .Content.ReadFromJsonAsync<JsonElement>();
        var firstRefresh = first.GetProperty("refresh_token").GetString()!;

        var second = await PostFormAsync(("grant_type", "refresh_token"), ("refresh_token", firstRefresh));
        var replay = await PostFormAsync(("grant_type", "refresh_token"), ("refresh_token", firstRefresh));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var secondRefresh = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString();
        Assert.NotEqual(firstRefresh, secondRefresh);
        await AssertOAuthErrorAsync(replay, "invalid_grant");
        await AssertOAuthErrorAsync(await PostFormAsync(("grant_type", "refresh_token"), ("refresh_token", secondRefresh!)), "invalid_grant");
    }

    [Fact]
    public async Task PasswordGrant_WithAWrongPassword_IsInvalidGrant()
    {
        var user = await app.RegisterUserAsync();

        var response = await PostFormAsync(("grant_type", "password"), ("username", user.Email), ("password", "wrong password here"));

        await AssertOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task UnknownGrantType_IsUnsupportedGrantType()
    {
        var response = await PostFormAsync(("grant_type", "client_credentials"));

        await AssertOAuthErrorAsync(response, "unsupported_grant_type");
    }

    [Fact]
    public async Task MissingGrantTypeOrAJsonBody_IsInvalidRequest()
    {
        await AssertOAuthErrorAsync(await PostFormAsync(("username", "x")), "invalid_request");
        await AssertOAuthErrorAsync(await app.CreateClient().PostAsJsonAsync("/api/v1/oauth/token", new { grant_type = "password" }), "invalid_request");
        await AssertOAuthErrorAsync(await PostFormAsync(("grant_type", "refresh_token")), "invalid_request");
    }

    private Task<HttpResponseMessage> PostFormAsync(params (string Key, string Value)[] fields) =>
        app.CookielessClient().PostAsync("/api/v1/oauth/token",
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));

    private static async Task AssertOAuthErrorAsync(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
    }
}
