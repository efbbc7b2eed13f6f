using System.Diagnostics;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// Every response carries <c>X-Request-Id</c>: the client's own value when it sent a sane one,
/// otherwise the trace id, which is also the <c>traceId</c> of any problem body and of the logs.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[HeaderName].ToString();
        if (!IsAcceptable(requestId))
        {
            requestId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        }

        Activity.Current?.SetTag("request.id", requestId);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });
        return next(context);
    }

    // Echoed into a header and the logs, so only short, printable values are trusted.
    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
