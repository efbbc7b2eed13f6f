using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outlay.Api.Infrastructure;

public static class ProblemDetailsSetup
{
    public static IServiceCollection AddOutlayProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // A bare status (401 from the bearer handler, 404, 405, 415) still gets a useful title.
            context.ProblemDetails.Title ??= ReasonFor(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Throwing on a malformed body lets the exception handler say what was wrong instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.SerializerOptions.AllowTrailingCommas = false;
        });
        return services;
    }

    /// <summary>Unknown routes under /api get a JSON 404, never the web app's index.html.</summary>
    public static void MapApiNotFound(this IEndpointRouteBuilder app) =>
        app.MapFallback("/api/{**path}", () => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not Found",
                detail: "No API endpoint matches this path."))
            .ExcludeFromDescription();

    private static string? ReasonFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad Request",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not Found",
        StatusCodes.Status405MethodNotAllowed => "Method Not Allowed",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status412PreconditionFailed => "Precondition Failed",
        StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
        StatusCodes.Status422UnprocessableEntity => "Unprocessable Entity",
        StatusCodes.Status423Locked => "Locked",
        StatusCodes.Status429TooManyRequests => "Too Many Requests",
        StatusCodes.Status503ServiceUnavailable => "Service Unavailable",
        _ => null,
    };
}
