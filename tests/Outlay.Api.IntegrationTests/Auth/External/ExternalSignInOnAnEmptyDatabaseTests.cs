using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth.External;

public sealed class ExternalSignInOnAnEmptyDatabaseTests(ExternalAuthAppFactory app) : IClassFixture<ExternalAuthAppFactory>
{
    [Fact]
    public async Task FirstSignIn_OnAnEmptyDatabase_CreatesAnOrdinaryUser()
    {
        var browser = app.CreateBrowser();
        await app.SignInWithProviderAsync(browser, FakeProviderUser.New());

        var auth = await (await browser.PostAsync("/api/v1/auth/refresh", null)).ReadAuthAsync();

        Assert.Equal("user", auth.User.Role);
    }
}
