using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;

namespace Outlay.Api.IntegrationTests.Infrastructure;

/// <summary>A signed-up user and an HTTP client that carries their access token and refresh cookie.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string AccessToken, HttpClient Client);

public static class TestUsers
{
    public const string StrongPassword = "correct horse battery staple 42";

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.test";

    /// <summary>Signs up like the web app does and returns a client that is signed in.</summary>
    public static async Task<TestUser> RegisterUserAsync(this WebApplicationFactory<Program> app, string? email = null, string? password = null)
    {
        email ??= NewEmail();
        password ??= StrongPassword;
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/signup", new { email, password, displayName = "Test User" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var auth = await response.Content.ReadFromJsonAsync<AuthBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth!.AccessToken);
        return new TestUser(auth.User.Id, email, password, auth.AccessToken, client);
    }

    /// <summary>A user promoted to admin behind the API's back, then signed in again so the token carries the role.</summary>
    public static async Task<TestUser> RegisterAdminAsync(this WebApplicationFactory<Program> app)
    {
        var user = await app.RegisterUserAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.Role, "admin"));
        }

        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        var auth = await login.ReadAuthAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth.AccessToken);
        return user with { AccessToken = auth.AccessToken, Client = client };
    }

    /// <summary>A client with no cookies that sends the given bearer token.</summary>
    public static HttpClient ClientWithToken(this WebApplicationFactory<Program> app, string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<AuthBody> ReadAuthAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<AuthBody>())!;

    /// <summary>The raw Set-Cookie header for the refresh cookie, or null.</summary>
    public static string? RefreshSetCookie(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith("outlay_refresh=", StringComparison.Ordinal))
            : null;

    /// <summary>The refresh token value from a Set-Cookie header.</summary>
    public static string RefreshTokenFrom(this HttpResponseMessage response) =>
        response.RefreshSetCookie()!.Split(';')[0]["outlay_refresh=".Length..];

    /// <summary>A cookie-less request that presents the given refresh token, as a thief with a copied cookie would.</summary>
    public static HttpRequestMessage RefreshRequest(string refreshToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/refresh");
        request.Headers.Add("Cookie", $"outlay_refresh={refreshToken}");
        return request;
    }

    public static HttpClient CookielessClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = new Uri("https://localhost") });
}

public sealed record AuthBody(string AccessToken, string TokenType, int ExpiresIn, AuthBodyUser User);

public sealed record AuthBodyUser(Guid Id, string Email, string? DisplayName, string Role);
