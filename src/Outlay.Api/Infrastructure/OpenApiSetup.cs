using Scalar.AspNetCore;

namespace Outlay.Api.Infrastructure;

public static class OpenApiSetup
{
    public static IServiceCollection AddOutlayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Outlay API";
            document.Info.Description =
                "Self-hosted, multi-user expense tracking. Errors are RFC 9457 problem details; money amounts are decimal strings.";
            return Task.CompletedTask;
        }));

    public static void MapOutlayOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Outlay API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
    }
}
