using System.Net;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth.External;

/// <summary>The browser's trip: our app → the provider → our callback → the completion endpoint.</summary>
public static class ExternalSignInSteps
{
    /// <summary>Follows the redirects up to the completion endpoint and returns its response.</summary>
    public static async Task<HttpResponseMessage> SignInWithProviderAsync(
        this ExternalAuthAppFactory app, HttpClient browser, FakeProviderUser user, string provider = "test")
    {
        var callback = await app.ReturnFromProviderAsync(browser, user, provider);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal($"/api/v1/auth/external/{provider}/complete", callback.Headers.Location?.OriginalString);
        return await browser.GetAsync(callback.Headers.Location);
    }

    /// <summary>Starts the sign-in, lets the provider approve (or deny) it and returns our callback's response.</summary>
    public static async Task<HttpResponseMessage> ReturnFromProviderAsync(
        this ExternalAuthAppFactory app, HttpClient browser, FakeProviderUser user, string provider = "test", bool deny = false)
    {
        var start = await browser.GetAsync($"/api/v1/auth/external/{provider}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var backToUs = await app.Provider.AuthorizeAsync(start.Headers.Location!, user, deny);
        Assert.Equal("https://localhost", backToUs.GetLeftPart(UriPartial.Authority));
        return await browser.GetAsync(backToUs);
    }

    /// <summary>
    /// A refusal is a browser navigation, so it must land on the web app's sign-in page with only a code in
    /// the URL (nothing about the person), and must not have signed anyone in.
    /// </summary>
    public static void AssertRefusedWith(this HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/sign-in?externalError={code}", response.Headers.Location?.OriginalString);
        Assert.Null(response.RefreshSetCookie());
    }
}
