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

    /// <summary>
    /// Client-side routes get index.html; nothing under /api does, so an unknown API path stays a JSON 404
    /// (and a wrong method or content type a 405 or 415) instead of a web page.
    /// </summary>
    public static void MapOutlayWebAppFallback(this WebApplication app) =>
        app.MapFallbackToFile("{*path:regex(^(?!api/).*$):nonfile}", "index.html", new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        }).AllowAnonymous();
}
