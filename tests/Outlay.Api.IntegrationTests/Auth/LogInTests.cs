using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

public sealed class LogInTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task LogIn_WithTheRightPassword_Returns200TokenAndCookie()
    {
        var user = await app.RegisterUserAsync();

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadAuthAsync();
        Assert.Equal(user.Id, body.User.Id);
        Assert.NotNull(response.RefreshSetCookie());
        var me = await app.ClientWithToken(body.AccessToken).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task LogIn_WrongPasswordAndUnknownEmail_GiveTheSame401()
    {
        var user = await app.RegisterUserAsync();

        var wrongPassword = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "not the password at all" });
        var unknownEmail = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = TestUsers.NewEmail(), password = "not the password at all" });

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(first.GetProperty("title").GetString(), second.GetProperty("title").GetString());
        Assert.Null(wrongPassword.RefreshSetCookie());
    }

    [Fact]
    public async Task LogIn_AfterRepeatedFailures_IsLockedOutWithRetryAfterEvenWithTheRightPassword()
    {
        var user = await app.RegisterUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong password " + i });
        }

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        await response.AssertProblemAsync(HttpStatusCode.Locked);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task LogIn_UnknownEmailAfterRepeatedFailures_IsLockedOutTooSoNothingIsRevealed()
    {
        var email = TestUsers.NewEmail();
        for (var i = 0; i < 5; i++)
        {
            await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong password " + i });
        }

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "anything at all" });

        await response.AssertProblemAsync(HttpStatusCode.Locked);
    }

    [Fact]
    public async Task LogIn_WhenTheConfiguredCostRose_UpgradesTheHash()
    {
        var user = await app.RegisterUserAsync();
        var stronger = app.WithWebHostBuilder(b => b.UseSetting("Outlay:Auth:BcryptCost", "5"));

        var response = await stronger.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var hash = await scope.ServiceProvider.GetRequiredService<OutlayDbContext>().Users
            .Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync();
        Assert.Matches(@"^\$2[aby]\$05\$", hash);
    }

    [Fact]
    public async Task LogIn_WithMalformedJson_ReturnsProblem400()
    {
        using var content = new StringContent("{\"email\": \"a@b.test\", ", System.Text.Encoding.UTF8, "application/json");

        var response = await app.CreateClient().PostAsync("/api/v1/auth/login", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class LogInRateLimitTests : IClassFixture<LogInRateLimitTests.StrictLimitsApp>
{
    private readonly StrictLimitsApp app;

    public LogInRateLimitTests(StrictLimitsApp app) => this.app = app;

    [Fact]
    public async Task LogIn_OverThePerAddressLimit_Returns429WithRetryAfter()
    {
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = TestUsers.NewEmail(), password = "whatever it is" });
        }

        await last!.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(last!.Headers.Contains("Retry-After"));
    }

    public sealed class StrictLimitsApp : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Auth:RateLimits:LoginPerMinute"] = "3",
        };
    }
}

public sealed class LogInAccountRateLimitTests : IClassFixture<LogInAccountRateLimitTests.StrictAccountLimitApp>
{
    private readonly StrictAccountLimitApp app;

    public LogInAccountRateLimitTests(StrictAccountLimitApp app) => this.app = app;

    [Fact]
    public async Task LogIn_OverThePerAccountLimit_Returns429WithRetryAfter()
    {
        var email = TestUsers.NewEmail();
        await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "first guess here" });
        await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "second guess here" });

        var third = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "third guess here" });
        var otherAccount = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = TestUsers.NewEmail(), password = "first guess here" });

        await third.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(third.Headers.Contains("Retry-After"));
        await otherAccount.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    public sealed class StrictAccountLimitApp : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Auth:RateLimits:LoginPerAccountPerMinute"] = "2",
        };
    }
}
