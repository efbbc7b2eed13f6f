using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Operations;

/// <summary>
/// What travels how: the refresh cookie never without TLS outside Development, the client address believed only
/// from known proxies (and IPv6 clients limited by their /64), HTTPS from Kestrel's configuration, redirect and HSTS.
/// Each test runs its own server on real Kestrel, so the peer address and the scheme are real.
/// </summary>
public sealed class TransportSecurityTests
{
    private const string SignUp = "/api/v1/auth/signup";

    [Fact]
    public async Task RefreshCookie_OverPlainHttpToLoopback_IsStillSecureOutsideDevelopment()
    {
        await using var app = await KestrelApp.StartAsync(new() { ["urls"] = "http://127.0.0.1:0" });

        using var response = await SignUpAsync(app.Http);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("outlay_refresh=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedFor_FromAPeerThatIsNoKnownProxy_IsIgnoredByTheRateLimit()
    {
        await using var app = await KestrelApp.StartAsync(LimitedSignUps(knownProxy: "10.9.8.7"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            using var response = await SignUpAsync(app.Http, forwardedFor: $"198.51.100.{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ForwardedFor_FromAKnownProxy_IsTheClientTheLimitCounts()
    {
        await using var app = await KestrelApp.StartAsync(LimitedSignUps(knownProxy: "127.0.0.1"));

        for (var i = 1; i <= 4; i++)
        {
            using var response = await SignUpAsync(app.Http, forwardedFor: $"198.51.100.{i}");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    [Fact]
    public async Task IPv6Clients_InOneSlash64_ShareOneLimit()
    {
        await using var app = await KestrelApp.StartAsync(LimitedSignUps(knownProxy: "127.0.0.1"));

        var statuses = new List<HttpStatusCode>();
        foreach (var address in new[] { "2001:db8:1:2::a", "2001:db8:1:2::b", "2001:db8:1:2:ffff::c", "2001:db8:1:2::d" })
        {
            using var response = await SignUpAsync(app.Http, forwardedFor: address);
            statuses.Add(response.StatusCode);
        }

        using var neighbour = await SignUpAsync(app.Http, forwardedFor: "2001:db8:1:3::a");
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.Created, neighbour.StatusCode);
    }

    [Fact]
    public async Task Https_FromKestrelsCertificateConfiguration_ServesWithHstsAndRedirectsPlainHttp()
    {
        var folder = Directory.CreateTempSubdirectory("outlay-tls-").FullName;
        var (certificate, key) = TestCertificates.WritePem(folder);
        await using var app = await KestrelApp.StartAsync(new()
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = certificate,
            ["Kestrel:Endpoints:Https:Certificate:KeyPath"] = key,
            ["Outlay:Https:Redirect"] = "true",
        });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        // HSTS is never sent to localhost names; a real host name is what a browser would use.
        request.Headers.Host = "outlay.test";
        using var secure = await app.Https.SendAsync(request);
        using var plain = await app.Http.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal(Uri.UriSchemeHttps, plain.Headers.Location!.Scheme);
        Assert.Equal(app.Https.BaseAddress!.Port, plain.Headers.Location.Port);
    }

    private static Dictionary<string, string?> LimitedSignUps(string knownProxy) => new()
    {
        ["urls"] = "http://127.0.0.1:0",
        ["Outlay:TrustForwardedHeaders"] = "true",
        ["Outlay:ForwardedHeaders:KnownProxies:0"] = knownProxy,
        ["Outlay:Auth:RateLimits:SignupPerMinute"] = "3",
    };

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient http, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SignUp)
        {
            Content = JsonContent.Create(new { email = TestUsers.NewEmail(), password = TestUsers.StrongPassword, displayName = "Test User" }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return http.SendAsync(request);
    }

    /// <summary>The app on Kestrel with these settings, with a client for each address it listens on.</summary>
    private sealed class KestrelApp : IAsyncDisposable
    {
        private readonly Factory factory;

        private KestrelApp(Factory factory, ICollection<string> addresses)
        {
            this.factory = factory;
            Http = Client(addresses.FirstOrDefault(a => a.StartsWith("http:", StringComparison.Ordinal)));
            Https = Client(addresses.FirstOrDefault(a => a.StartsWith("https:", StringComparison.Ordinal)));
        }

        public HttpClient Http { get; }

        public HttpClient Https { get; }

        public static async Task<KestrelApp> StartAsync(Dictionary<string, string?> settings)
        {
            var factory = new Factory(settings);
            await factory.InitializeAsync();
            factory.UseKestrel();
            factory.StartServer();
            return new KestrelApp(factory, factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses);
        }

        // No redirects followed (the tests look at them), and the test's own self-signed certificate accepted.
        private static HttpClient Client(string? address) => new(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        })
        {
            BaseAddress = address is null ? null : new Uri(address),
        };

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            Https.Dispose();
            await ((IAsyncLifetime)factory).DisposeAsync();
        }

        private sealed class Factory(Dictionary<string, string?> settings) : OutlayAppFactory
        {
            protected override IReadOnlyDictionary<string, string?> Settings => settings;
        }
    }
}
