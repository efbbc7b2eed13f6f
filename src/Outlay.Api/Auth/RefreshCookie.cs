namespace Outlay.Api.Auth;

/// <summary>
/// The browser's refresh token lives only in this cookie: HttpOnly (no script can read it),
/// SameSite=Strict and scoped to the auth endpoints. Always Secure outside Development (whatever Host header a
/// proxy passes on); in Development also over plain http to localhost, where a browser would otherwise drop it.
/// </summary>
public static class RefreshCookie
{
    public const string Name = "outlay_refresh";
    public const string Path = "/api/v1/auth";

    public static string? Read(HttpRequest request) => request.Cookies[Name];

    public static void Write(HttpResponse response, IssuedRefreshToken token) =>
        response.Cookies.Append(Name, token.Token, Options(response.HttpContext.Request, token.Lifetime));

    public static void Expire(HttpResponse response) =>
        response.Cookies.Append(Name, string.Empty, Options(response.HttpContext.Request, TimeSpan.Zero));

    private static CookieOptions Options(HttpRequest request, TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps || !IsLoopbackHost(request.Host.Host)
            || !request.HttpContext.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment(),
        SameSite = SameSiteMode.Strict,
        Path = Path,
        MaxAge = maxAge,
        Expires = maxAge == TimeSpan.Zero ? DateTimeOffset.UnixEpoch : null,
        IsEssential = true,
    };

    private static bool IsLoopbackHost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1";
}
