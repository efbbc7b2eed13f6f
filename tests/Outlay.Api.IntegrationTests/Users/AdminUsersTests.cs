using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Users;

public sealed class AdminUsersTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task AdminEndpoints_ForAPlainUser_Return403Problem()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();

        var response = await user.Client.GetAsync("/api/v1/admin/users");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.NotNull(admin);
    }

    [Fact]
    public async Task ListUsers_SearchesByEmailAndPagesWithACursor()
    {
        var admin = await app.RegisterAdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            await app.RegisterUserAsync(email: $"find-{tag}-{i}@example.test");
        }

        var first = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?q=FIND-{tag}&limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?q=find-{tag}&limit=2&cursor={cursor}");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var emails = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(u => u.GetProperty("email").GetString()).ToHashSet();
        Assert.Equal(3, emails.Count);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=201")]
    [InlineData("?cursor=not-a-cursor")]
    public async Task ListUsers_WithBadPaging_ReturnsValidationProblem(string query)
    {
        var admin = await app.RegisterAdminAsync();

        var response = await admin.Client.GetAsync("/api/v1/admin/users" + query);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DisableUser_StopsTheirAccessTokenAtOnceAndBlocksSignIn()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/me")).StatusCode);

        var response = await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { disabled = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        await (await user.Client.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        await login.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [RedisFact]
    public async Task DisableUser_IsSeenByASecondInstanceAtOnce()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();
        var secondInstance = app.WithWebHostBuilder(_ => { });
        var viaSecond = secondInstance.ClientWithToken(user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync("/api/v1/me")).StatusCode);

        await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { disabled = true });

        await WaitUntilAsync(async () => (await viaSecond.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ChangeRole_MakesTheUserAnAdminAfterTheirNextRefresh()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();

        await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "admin" });

        await (await user.Client.GetAsync("/api/v1/admin/users")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var refreshed = await (await user.Client.PostAsync("/api/v1/auth/refresh", null)).ReadAuthAsync();
        Assert.Equal("admin", refreshed.User.Role);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientWithToken(refreshed.AccessToken).GetAsync("/api/v1/admin/users")).StatusCode);
    }

    [Fact]
    public async Task ChangeRole_ToAnUnknownRole_ReturnsValidationProblem()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();

        var response = await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "superuser" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task DemotingTheLastAdmin_IsAConflict()
    {
        await using var fresh = new OutlayAppFactory();
        await fresh.InitializeAsync();
        var onlyAdmin = await fresh.RegisterAdminAsync();

        var response = await onlyAdmin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{onlyAdmin.Id}", new { role = "user" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        await ((IAsyncLifetime)fresh).DisposeAsync();
    }

    [Fact]
    public async Task UnknownUser_Is404()
    {
        var admin = await app.RegisterAdminAsync();

        await (await admin.Client.GetAsync($"/api/v1/admin/users/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.Client.DeleteAsync($"/api/v1/admin/users/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteUser_RemovesTheAccountAndItsTokens()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();

        var response = await admin.Client.DeleteAsync($"/api/v1/admin/users/{user.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await user.Client.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await admin.Client.GetAsync($"/api/v1/admin/users/{user.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The condition did not hold within 5 seconds.");
    }
}
