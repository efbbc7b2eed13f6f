using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// Maps the few exceptions that mean "the client sent something we cannot use" to a 4xx problem;
/// anything else stays a 500 with no internals shown.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException } bad =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON for this endpoint.", JsonDetail(bad)),
            BadHttpRequestException bad => (bad.StatusCode, TitleFor(bad.StatusCode), bad.Message),
            DbUpdateConcurrencyException =>
                (StatusCodes.Status412PreconditionFailed, "The resource was changed by another request.", (string?)null),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                (499, "The client closed the request.", null),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null),
        };

        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string? JsonDetail(BadHttpRequestException bad) =>
        bad.InnerException is JsonException { Path: { } path } json
            ? $"Invalid value at '{path}'" + (json.LineNumber is { } line ? $" (line {line + 1})." : ".")
            : "The body could not be read as JSON.";

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported content type.",
        _ => "The request could not be understood.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while serving {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
