namespace Outlay.Api.Auth;

/// <summary>
/// Answers about authentication (tokens, sessions, refusals) must never be kept by a browser or proxy cache.
/// Set when the response starts, so it also covers problems written by the exception handler, the status-code
/// pages and the rate limiter, and the provider callback answered by the OpenID Connect handler.
/// </summary>
public static class NoStoreAuthResponses
{
    private static readonly PathString[] AuthPaths = ["/api/v1/auth", "/api/v1/oauth", "/api/v1/admin/bootstrap"];

    public static IApplicationBuilder UseNoStoreForAuthResponses(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (AuthPaths.Any(path => context.Request.Path.StartsWithSegments(path)))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        }

        return next(context);
    });
}
