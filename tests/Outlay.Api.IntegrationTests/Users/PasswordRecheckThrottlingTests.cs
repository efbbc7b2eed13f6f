using System.Net;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Users;

/// <summary>
/// Endpoints that re-check the password are guarded like sign-in, so a stolen access token cannot be used to
/// guess the password: failures count towards the same lock-out (default 5) and the same per-account limit.
/// </summary>
public sealed class PasswordRecheckThrottlingTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    private const int LockoutFailures = 5;

    [Fact]
    public async Task ChangePassword_AfterRepeatedWrongPasswords_IsLockedLikeSignIn()
    {
        var user = await app.RegisterUserAsync();
        for (var attempt = 0; attempt < LockoutFailures; attempt++)
        {
            var wrong = await ChangePasswordAsync(user, "not my password at all");
            var problem = await wrong.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _));
        }

        var right = await ChangePasswordAsync(user, user.Password);
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        await right.AssertProblemAsync(HttpStatusCode.Locked);
        Assert.True(right.Headers.RetryAfter is not null);
        await login.AssertProblemAsync(HttpStatusCode.Locked);
    }

    [Fact]
    public async Task DeleteAccount_AfterRepeatedWrongPasswords_IsLockedAndTheAccountStays()
    {
        var user = await app.RegisterUserAsync();
        for (var attempt = 0; attempt < LockoutFailures; attempt++)
        {
            await (await DeleteAccountAsync(user, "not my password at all")).AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        var right = await DeleteAccountAsync(user, user.Password);

        await right.AssertProblemAsync(HttpStatusCode.Locked);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WhileSignInIsLocked_IsRefusedEvenWithTheRightPassword()
    {
        var user = await app.RegisterUserAsync();
        for (var attempt = 0; attempt < LockoutFailures; attempt++)
        {
            await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong password here" });
        }

        var response = await ChangePasswordAsync(user, user.Password);

        await response.AssertProblemAsync(HttpStatusCode.Locked);
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(TestUser user, string currentPassword) =>
        user.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword, newPassword = "a different strong passphrase 7" });

    private static Task<HttpResponseMessage> DeleteAccountAsync(TestUser user, string password) =>
        user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password }) });
}
