using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// Refuses a declared body larger than the endpoint allows with a 413 problem before anything reads it.
/// Kestrel enforces the same limit on bodies without a length; this also covers hosts that do not
/// (the test server, some proxies). Endpoints raise it with <c>.WithRequestSizeLimit(...)</c>-style metadata.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<OutlayOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 413, Title = "The request body is too large.", Detail = $"This endpoint accepts at most {limit} bytes." },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
