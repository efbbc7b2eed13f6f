using System.Globalization;
using System.Net;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

/// <summary>With Redis, the per-address and per-account limits hold across instances, not per instance.</summary>
public sealed class SharedRateLimitTests
{
    public sealed class SignUp(SignUpLimitApp app) : IClassFixture<SignUpLimitApp>
    {
        [RedisFact]
        public async Task SignUp_OverTheLimitSpreadOverTwoInstances_Returns429WithRetryAfter()
        {
            var other = app.WithWebHostBuilder(_ => { });
            await app.RegisterUserAsync();
            await app.RegisterUserAsync();
            await other.RegisterUserAsync();

            var fourth = await other.CreateClient().PostAsJsonAsync(
                "/api/v1/auth/signup", new { email = TestUsers.NewEmail(), password = TestUsers.StrongPassword, displayName = "Test User" });

            await fourth.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            AssertRetryAfterWithinAMinute(fourth);
        }
    }

    public sealed class LogIn(LogInLimitApp app) : IClassFixture<LogInLimitApp>
    {
        [RedisFact]
        public async Task LogIn_OverThePerAddressLimitSpreadOverTwoInstances_Returns429WithRetryAfter()
        {
            var other = app.WithWebHostBuilder(_ => { });
            var responses = new List<HttpResponseMessage>();
            foreach (var instance in new[] { app, app, other, other })
            {
                responses.Add(await instance.CreateClient().PostAsJsonAsync(
                    "/api/v1/auth/login", new { email = TestUsers.NewEmail(), password = "whatever it is" }));
            }

            Assert.All(responses[..3], response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
            await responses[3].AssertProblemAsync(HttpStatusCode.TooManyRequests);
            AssertRetryAfterWithinAMinute(responses[3]);
        }
    }

    public sealed class Account(AccountLimitApp app) : IClassFixture<AccountLimitApp>
    {
        [RedisFact]
        public async Task LogIn_OverThePerAccountLimitSpreadOverTwoInstances_Returns429WithRetryAfter()
        {
            var other = app.WithWebHostBuilder(_ => { });
            var email = TestUsers.NewEmail();
            await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "first guess here" });
            await other.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "second guess here" });

            var third = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "third guess here" });
            var otherAccount = await other.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = TestUsers.NewEmail(), password = "first guess here" });

            await third.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            AssertRetryAfterWithinAMinute(third);
            await otherAccount.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    public sealed class RedisDown(UnreachableRedisApp app) : IClassFixture<UnreachableRedisApp>
    {
        [Fact]
        public async Task SignUp_WhenRedisIsUnreachable_IsLimitedPerInstanceInsteadOfFailing()
        {
            var responses = new List<HttpResponseMessage>();
            for (var i = 0; i < 4; i++)
            {
                responses.Add(await app.CreateClient().PostAsJsonAsync(
                    "/api/v1/auth/signup", new { email = TestUsers.NewEmail(), password = TestUsers.StrongPassword, displayName = "Test User" }));
            }

            Assert.All(responses[..3], response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
            await responses[3].AssertProblemAsync(HttpStatusCode.TooManyRequests);
            AssertRetryAfterWithinAMinute(responses[3]);
        }
    }

    public sealed class SignUpLimitApp : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Auth:RateLimits:SignupPerMinute"] = "3",
        };
    }

    public sealed class LogInLimitApp : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Auth:RateLimits:LoginPerMinute"] = "3",
        };
    }

    public sealed class AccountLimitApp : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Auth:RateLimits:LoginPerAccountPerMinute"] = "2",
        };
    }

    public sealed class UnreachableRedisApp : OutlayAppFactory
    {
        // Nothing listens on port 1, so every connection attempt is refused at once.
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Redis:Configuration"] = "127.0.0.1:1,connectTimeout=500,syncTimeout=500,asyncTimeout=500",
            ["Outlay:Auth:RateLimits:SignupPerMinute"] = "3",
        };
    }

    private static void AssertRetryAfterWithinAMinute(HttpResponseMessage response)
    {
        var seconds = int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
    }
}
