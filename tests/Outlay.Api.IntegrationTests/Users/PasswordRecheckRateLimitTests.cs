using System.Net;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Users;

/// <summary>The per-account limit (here 3 a minute) counts re-checks too, whatever address they come from.</summary>
public sealed class PasswordRecheckRateLimitTests(PasswordRecheckRateLimitTests.Factory app) : IClassFixture<PasswordRecheckRateLimitTests.Factory>
{
    [Fact]
    public async Task ChangePassword_OverThePerAccountLimit_Returns429WithRetryAfter()
    {
        var user = await app.RegisterUserAsync();
        var responses = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            responses.Add(await user.Client.PostAsJsonAsync("/api/v1/me/password",
                new { currentPassword = "wrong password here", newPassword = "a different strong passphrase 7" }));
        }

        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        await responses[3].AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(responses[3].Headers.RetryAfter is not null);
    }

    public sealed class Factory : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Auth:RateLimits:LoginPerAccountPerMinute"] = "3",
            ["Outlay:Auth:LockoutFailures"] = "100",
        };
    }
}
