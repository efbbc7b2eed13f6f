using System.Net;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

public sealed class AuthResponseCachingTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task EveryAuthResponse_SuccessOrFailure_CarriesCacheControlNoStore()
    {
        var client = app.CreateClient();
        var email = TestUsers.NewEmail();

        var responses = new[]
        {
            await client.PostAsJsonAsync("/api/v1/auth/signup", new { email, password = TestUsers.StrongPassword }),
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestUsers.StrongPassword }),
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong password here" }),
            await client.PostAsync("/api/v1/auth/refresh", null),
            await client.GetAsync("/api/v1/auth/providers"),
            await client.GetAsync("/api/v1/auth/sessions"),
            await client.PostAsync("/api/v1/auth/logout", null),
            await client.PostAsync("/api/v1/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" })),
        };

        Assert.All(responses, response => Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri} {(int)response.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Unauthorized);
    }
}
