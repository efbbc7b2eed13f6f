using Microsoft.AspNetCore.Http.Json;
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
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                CamelCaseErrorKeys(validation);
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Throwing on a malformed body lets the exception handler say what was wrong instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new Expenses.MoneyJsonConverter());
            options.SerializerOptions.AllowTrailingCommas = false;
        });
        return services;
    }

    // The built-in validation names errors after C# properties; the contract's JSON is camelCase.
    private static void CamelCaseErrorKeys(HttpValidationProblemDetails validation)
    {
        var renamed = validation.Errors.ToDictionary(
            entry => string.Join('.', entry.Key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)),
            entry => entry.Value);
        validation.Errors.Clear();
        foreach (var (key, messages) in renamed)
        {
            validation.Errors[key] = messages;
        }
    }

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
