using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Operations;

public sealed class EndpointAuthorizationTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    /// <summary>
    /// Everything a caller may reach without an access token. An endpoint added without saying who may call it
    /// is refused by the fallback policy, and fails this test until it is marked.
    /// </summary>
    private static readonly HashSet<string> Anonymous =
    [
        "GET /.well-known/jwks.json",
        "* /metrics",
        "GET /openapi/{documentName}.json",
        "GET /docs/{documentName?}",
        "GET /docs/scalar.js",
        "GET /docs/scalar.aspnetcore.js",
        "GET /docs/favicon.svg",
        "POST /api/v1/auth/signup",
        "POST /api/v1/auth/login",
        "POST /api/v1/auth/refresh",
        "POST /api/v1/auth/logout",
        "POST /api/v1/oauth/token",
        "GET /api/v1/auth/providers",
        "GET /api/v1/auth/external/{provider}",
        "GET /api/v1/auth/external/{provider}/complete",
        "POST /api/v1/webhooks/twilio/status",
        "POST /api/v1/webhooks/twilio/inbound",
        "GET /api/v1/webhooks/whatsapp",
        "POST /api/v1/webhooks/whatsapp",
        "GET,HEAD {*path:regex(^(?!api/).*$):nonfile}",
    ];

    [Fact]
    public void EveryEndpoint_EitherRequiresAuthorizationOrIsOnTheAnonymousList()
    {
        _ = app.Server;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Describe).ToHashSet();
        var unmarked = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(Describe)
            .ToList();

        Assert.Empty(unmarked);
        Assert.Empty(anonymous.Except(Anonymous));
        Assert.Empty(Anonymous.Except(anonymous));
    }

    private static string Describe(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods;
        return $"{(methods is { Count: > 0 } ? string.Join(",", methods) : "*")} {endpoint.RoutePattern.RawText}";
    }
}
