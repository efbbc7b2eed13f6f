using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Users;

/// <summary>Each test starts its own server on an empty database: the first admin is what is under test.</summary>
public sealed partial class AdminBootstrapTests : IAsyncLifetime
{
    private const string BootstrapEmail = "owner@bootstrap.test";

    private readonly List<IAsyncLifetime> started = [];

    [Fact]
    public async Task SignUp_WithTheBootstrapEmail_BecomesAdminWhoeverSignedUpFirst()
    {
        var app = await StartAsync(BootstrapEmail);

        var first = await app.RegisterUserAsync();
        var owner = await app.RegisterUserAsync(email: "  Owner@Bootstrap.TEST ");

        Assert.Equal("user", await RoleAsync(first));
        Assert.Equal("admin", await RoleAsync(owner));
    }

    [Fact]
    public async Task SignUp_TwoAtOnceWithTheBootstrapEmail_MakeExactlyOneAdmin()
    {
        var app = await StartAsync(BootstrapEmail);

        var responses = await Task.WhenAll(
            SignUpAsync(app, BootstrapEmail), SignUpAsync(app, BootstrapEmail), SignUpAsync(app, TestUsers.NewEmail()), SignUpAsync(app, TestUsers.NewEmail()));

        Assert.Single(responses.Take(2), r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses.Take(2), r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.All(responses.Skip(2), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var scope = app.Services.CreateAsyncScope();
        var admins = await scope.ServiceProvider.GetRequiredService<OutlayDbContext>().Users.Where(u => u.Role == "admin").Select(u => u.Email).ToListAsync();
        Assert.Equal([BootstrapEmail], admins);
    }

    [Fact]
    public async Task Startup_WithTheBootstrapEmailOfAnExistingAccount_PromotesIt()
    {
        var app = await StartAsync(bootstrapEmail: null);
        var owner = await app.RegisterUserAsync(email: BootstrapEmail);
        Assert.Equal("user", await RoleAsync(owner));

        await using var restarted = app.WithWebHostBuilder(builder => builder.UseSetting("Outlay:Admin:BootstrapEmail", BootstrapEmail));
        var login = await restarted.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = owner.Email, password = owner.Password });

        Assert.Equal("admin", (await login.ReadAuthAsync()).User.Role);
    }

    [Fact]
    public async Task Bootstrap_WithTheTokenFromTheLog_MakesTheSignedInCallerAdminOnce()
    {
        var app = await StartAsync(bootstrapEmail: null);
        var token = TokenFromLog(app);
        var claimant = await app.RegisterUserAsync();
        var latecomer = await app.RegisterUserAsync();

        var redeemed = await claimant.Client.PostAsJsonAsync("/api/v1/admin/bootstrap", new { token });
        var again = await latecomer.Client.PostAsJsonAsync("/api/v1/admin/bootstrap", new { token });

        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var auth = await redeemed.ReadAuthAsync();
        Assert.Equal("admin", auth.User.Role);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientWithToken(auth.AccessToken).GetAsync("/api/v1/admin/users")).StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("user", await RoleAsync(latecomer));
    }

    [Fact]
    public async Task Bootstrap_RedeemedTwiceAtOnce_MakesExactlyOneAdmin()
    {
        var app = await StartAsync(bootstrapEmail: null);
        var token = TokenFromLog(app);
        var users = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.RegisterUserAsync()));

        var responses = await Task.WhenAll(users.Select(u => u.Client.PostAsJsonAsync("/api/v1/admin/bootstrap", new { token })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutlayDbContext>().Users.CountAsync(u => u.Role == "admin"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-the-token")]
    public async Task Bootstrap_WithAWrongToken_ReturnsValidationProblem(string token)
    {
        var app = await StartAsync(bootstrapEmail: null);
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/admin/bootstrap", new { token });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("token", out _));
        Assert.Equal("user", await RoleAsync(user));
    }

    [Fact]
    public async Task Bootstrap_WithoutSignIn_Returns401()
    {
        var app = await StartAsync(bootstrapEmail: null);

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/admin/bootstrap", new { token = TokenFromLog(app) });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in started)
        {
            await app.DisposeAsync();
        }
    }

    private async Task<BootstrapAppFactory> StartAsync(string? bootstrapEmail)
    {
        var app = new BootstrapAppFactory(bootstrapEmail);
        started.Add(app);
        await app.InitializeAsync();
        _ = app.Server;
        return app;
    }

    private static Task<HttpResponseMessage> SignUpAsync(BootstrapAppFactory app, string email) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email, password = TestUsers.StrongPassword });

    private static async Task<string?> RoleAsync(TestUser user) =>
        (await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("role").GetString();

    private static string TokenFromLog(BootstrapAppFactory app) =>
        BootstrapTokenLine().Matches(File.ReadAllText(app.Log.Path)).Last().Groups["token"].Value;

    [GeneratedRegex("one-time admin bootstrap token: (?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex BootstrapTokenLine();

    private sealed class BootstrapAppFactory(string? bootstrapEmail) : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => bootstrapEmail is null
            ? new Dictionary<string, string?>()
            : new Dictionary<string, string?> { ["Outlay:Admin:BootstrapEmail"] = bootstrapEmail };
    }
}
