using System.Net;
using System.Text;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

public sealed class SignUpTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task SignUp_WithValidDetails_Returns201WithTokenAndRefreshCookie()
    {
        var email = TestUsers.NewEmail();

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup",
            new { email, password = TestUsers.StrongPassword, displayName = "Ada" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/me", response.Headers.Location?.OriginalString);
        var body = await response.ReadAuthAsync();
        Assert.Equal("Bearer", body.TokenType);
        Assert.Equal(900, body.ExpiresIn);
        Assert.Equal(email, body.User.Email);
        Assert.Equal("Ada", body.User.DisplayName);
        Assert.DoesNotContain("refresh", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var cookie = response.RefreshSetCookie()!.ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/api/v1/auth", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=2592000", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_FirstAccountOnEmptyDatabase_IsAnOrdinaryUser()
    {
        // Whoever reaches a fresh server first must not own it: the admin is bootstrapped deliberately (AdminBootstrapTests).
        await using var fresh = new OutlayAppFactory();
        await fresh.InitializeAsync();

        var first = await fresh.RegisterUserAsync();

        var firstMe = await first.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("user", firstMe.GetProperty("role").GetString());
        await ((IAsyncLifetime)fresh).DisposeAsync();
    }

    [Fact]
    public async Task SignUp_EmailIsNormalisedAndUniqueCaseInsensitively()
    {
        var email = TestUsers.NewEmail();
        await app.RegisterUserAsync(email: "  " + email.ToUpperInvariant() + " ");

        var again = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email, password = TestUsers.StrongPassword });

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already exists", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = email.ToUpperInvariant(), password = TestUsers.StrongPassword });
        Assert.Equal(email, (await login.ReadAuthAsync()).User.Email);
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("qwertyuiop")]
    [InlineData("11111111")]
    [InlineData("iloveyou1")]
    public async Task SignUp_WithACommonPassword_ReturnsValidationProblemOnPassword(string password)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email = TestUsers.NewEmail(), password });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task SignUp_WithTheEmailAsPassword_IsRefused()
    {
        var email = $"zebra.quantum.{Guid.NewGuid():N}"[..24] + "@example.test";

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email, password = email });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(73)]
    public async Task SignUp_WithPasswordLengthOutside8To72Bytes_IsRefused(int length)
    {
        var password = RandomishPassword(length);

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email = TestUsers.NewEmail(), password });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task SignUp_WithExactly72Bytes_IsAccepted()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup",
            new { email = TestUsers.NewEmail(), password = RandomishPassword(72) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task SignUp_WithMultiByteCharactersOver72Bytes_IsRefusedEvenUnder72Characters()
    {
        var password = string.Concat(Enumerable.Repeat("€ü", 15)); // 30 characters, 75 bytes
        Assert.True(Encoding.UTF8.GetByteCount(password) > 72);

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email = TestUsers.NewEmail(), password });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.test")]
    [InlineData("space in@example.test")]
    [InlineData("")]
    [InlineData("'; DROP TABLE users; --@example.test")]
    public async Task SignUp_WithAnInvalidEmail_ReturnsValidationProblemOnEmail(string email)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email, password = TestUsers.StrongPassword });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task SignUp_WithA10000CharacterEmail_ReturnsValidationProblem()
    {
        var email = new string('a', 10_000) + "@example.test";

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email, password = TestUsers.StrongPassword });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignUp_WithScriptAndSqlInDisplayName_StoresItVerbatim()
    {
        const string hostile = "<script>alert(1)</script>' OR 1=1; --";
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/signup",
            new { email = TestUsers.NewEmail(), password = TestUsers.StrongPassword, displayName = hostile });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(hostile, (await response.ReadAuthAsync()).User.DisplayName);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignUp_ConcurrentlyWithTheSameEmail_ExactlyOneWins()
    {
        var email = TestUsers.NewEmail();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email, password = TestUsers.StrongPassword })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task SignUp_GivesTheUserTheDefaultCategories()
    {
        var user = await app.RegisterUserAsync();

        var export = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/export");

        var names = export.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(12, names.Count);
        Assert.Contains("Food & Dining", names);
        Assert.Contains("Subscriptions", names);
        Assert.Contains("Other", names);
    }

    [Fact]
    public async Task SignUp_WhenSignupsAreClosed_Returns403()
    {
        var closed = app.WithWebHostBuilder(b => b.UseSetting("Outlay:Auth:SignupsEnabled", "false"));

        var response = await closed.CreateClient().PostAsJsonAsync("/api/v1/auth/signup",
            new { email = TestUsers.NewEmail(), password = TestUsers.StrongPassword });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    // Distinct characters so zxcvbn rates it strong at any length from 8.
    private static string RandomishPassword(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(i => "kq7Zx!m2Rv9#pL4w"[(i * 7 + i / 16) % 16]));
}
