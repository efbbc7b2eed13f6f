using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth.External;

/// <summary>
/// The app with two external providers, both backed by one <see cref="FakeOidcProvider"/>: "test" (a confidential
/// client) and "trusting" (a public client configured with the retired <c>TrustEmail</c>, which must not make an
/// email without <c>email_verified</c> count as verified).
/// </summary>
public sealed class ExternalAuthAppFactory : OutlayAppFactory
{
    private const string Providers = "Outlay:Auth:External:Providers";

    public FakeOidcProvider Provider { get; } = new(new Dictionary<string, string?>
    {
        ["outlay-test"] = "test-client-secret",
        ["outlay-trusting"] = null,
    });

    public override async Task InitializeAsync()
    {
        await Provider.StartAsync();
        await base.InitializeAsync();
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{Providers}:test:DisplayName"] = "Test Provider",
        [$"{Providers}:test:Authority"] = FakeOidcProvider.Issuer,
        [$"{Providers}:test:ClientId"] = "outlay-test",
        [$"{Providers}:test:ClientSecret"] = "test-client-secret",
        [$"{Providers}:trusting:Authority"] = FakeOidcProvider.Issuer,
        [$"{Providers}:trusting:ClientId"] = "outlay-trusting",
        [$"{Providers}:trusting:TrustEmail"] = "true",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The provider lives in a TestServer, so the handlers reach it (discovery, JWKS, token) through its handler.
        // Configure, not PostConfigure: the handler builds its back-channel client in its own post-configure step.
        builder.ConfigureTestServices(services =>
            services.ConfigureAll<OpenIdConnectOptions>(oidc => oidc.BackchannelHttpHandler = Provider.CreateHandler()));
    }

    /// <summary>A browser: keeps cookies, does not follow redirects (the test follows them across the two servers).</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
