using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth.External;

public sealed class ExternalSignInAcrossInstancesTests(ExternalAuthAppFactory app) : IClassFixture<ExternalAuthAppFactory>
{
    [Fact]
    public async Task SignIn_StartedOnOneInstanceAndFinishedOnAnother_Works()
    {
        // A second host on the same database: another instance behind the same load balancer (it shares the keys through the database).
        await using var other = app.WithWebHostBuilder(_ => { });
        var cookies = new System.Net.CookieContainer();
        var onFirst = app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var onSecond = other.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var person = FakeProviderUser.New();

        var start = await onFirst.GetAsync("/api/v1/auth/external/test");
        var backToUs = await app.Provider.AuthorizeAsync(start.Headers.Location!, person);
        var callback = await onSecond.GetAsync(backToUs);
        var complete = await onFirst.GetAsync(callback.Headers.Location);
        var refresh = await onSecond.PostAsync("/api/v1/auth/refresh", null);

        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal("/", complete.Headers.Location?.OriginalString);
        Assert.Equal(person.Email, (await refresh.ReadAuthAsync()).User.Email);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "keys", "data-protection")));
    }
}
