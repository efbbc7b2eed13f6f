using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// <c>/metrics</c> tells an outsider how busy the server is and which routes exist, so it answers only loopback
/// (and in-process) callers, the configured networks, and scrapers with the token. The client address is the
/// connection's, or the proxy's <c>X-Forwarded-For</c> when <c>Outlay:TrustForwardedHeaders</c> is on.
/// </summary>
public static class MetricsAccess
{
    public const string Path = "/metrics";

    public static IServiceCollection AddOutlayMetricsAccess(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName)
            .Validate(metrics => metrics.HasValidNetworks, "Outlay:Metrics:AllowedNetworks must be CIDR ranges such as 10.0.0.0/8.")
            .ValidateOnStart();
        return services;
    }

    public static void MapOutlayMetrics(this WebApplication app)
    {
        var networks = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Networks;
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                if (IsAllowed(context, networks))
                {
                    await next(context);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Metrics are not available to this caller." },
                });
            }), optionsName: null)
            // Its own access rule, above: a scraper has no Outlay account.
            .AllowAnonymous();
    }

    private static bool IsAllowed(HttpContext http, IReadOnlyList<System.Net.IPNetwork> networks)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null || System.Net.IPAddress.IsLoopback(address) || networks.Any(network => network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)))
        {
            return true;
        }

        var token = http.RequestServices.GetRequiredService<IOptionsMonitor<MetricsOptions>>().CurrentValue.ScrapeToken;
        var presented = http.Request.Headers[HeaderNames.Authorization].ToString();
        return token is { Length: > 0 }
            && presented.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented["Bearer ".Length..]), Encoding.UTF8.GetBytes(token));
    }
}
