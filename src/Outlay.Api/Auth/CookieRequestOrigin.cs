using Microsoft.Extensions.Options;

namespace Outlay.Api.Auth;

/// <summary>
/// Guards the endpoints that authenticate by the refresh cookie alone (refresh, logout) against cross-site
/// requests, in addition to the cookie's SameSite=Strict: a request whose <c>Origin</c> is another site's is
/// refused; one without <c>Origin</c> must carry <c>X-Requested-With</c>, which a page on another site cannot
/// send without a CORS preflight that this server never grants.
/// </summary>
public sealed class CookieRequestOrigin(IOptionsMonitor<AuthOptions> auth) : IEndpointFilter
{
    public const string RequestedWithHeader = "X-Requested-With";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return IsAllowed(origin, request) ? await next(context) : Refuse("The request comes from another site.", null);
        }

        return request.Headers.ContainsKey(RequestedWithHeader)
            ? await next(context)
            : Refuse("The request must come from the Outlay web app.", $"Send an {RequestedWithHeader} header (any value) or a same-origin Origin.");
    }

    // The server's own origin is matched by host name only: behind a TLS-terminating proxy the scheme and port the
    // server sees are not the browser's (https://outlay.example arrives as http://outlay.example:5080).
    private bool IsAllowed(string origin, HttpRequest request) =>
        (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase))
        || auth.CurrentValue.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    private static IResult Refuse(string title, string? detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);
}
