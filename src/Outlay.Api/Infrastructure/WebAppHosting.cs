using Microsoft.Net.Http.Headers;

namespace Outlay.Api.Infrastructure;

/// <summary>Serves the built React app from wwwroot with a fallback to index.html for client-side routes.</summary>
public static class WebAppHosting
{
    // Vite puts content-hashed files under /assets, so they never change under the same name.
    private const string ImmutableAssets = "public, max-age=31536000, immutable";

    public static void UseOutlayWebApp(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] =
                file.Context.Request.Path.StartsWithSegments("/assets") ? ImmutableAssets : "no-cache",
        });
    }

    public static void MapOutlayWebAppFallback(this WebApplication app) =>
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
}
