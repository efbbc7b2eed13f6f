using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Outlay.Api.Data;

namespace Outlay.Api.Infrastructure.Idempotency;

/// <summary>
/// Idempotency-Key for POSTs marked <see cref="IdempotentAttribute"/>: the first request reserves the key
/// (a unique row, so two instances cannot both run it), its answer is stored, and any retry with the
/// same key and body gets that answer back instead of running again. The same key with another body
/// is a 422. Transient answers (5xx, 409, 423, 429) are not kept, so the client can try again.
/// </summary>
public sealed partial class IdempotencyMiddleware(
    RequestDelegate next, IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    private static readonly int[] TransientStatuses = [408, 409, 423, 425, 429];

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (!HttpMethods.IsPost(context.Request.Method)
            || key.Length == 0
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null
            || !Guid.TryParse(context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var userId))
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            await WriteProblemAsync(context, 400, "Invalid Idempotency-Key.", $"Use 1 to {MaxKeyLength} visible ASCII characters, such as a UUID.");
            return;
        }

        var hash = await HashRequestAsync(context.Request);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var record = await ReserveAsync(db, userId, key, hash, context.RequestAborted);
        if (record is not null)
        {
            await ReplayAsync(context, record, hash);
            return;
        }

        await RunAndRememberAsync(context, db, userId, key);
    }

    /// <summary>Null when this request now owns the key; otherwise the earlier attempt's record.</summary>
    private async Task<IdempotencyRecord?> ReserveAsync(OutlayDbContext db, Guid userId, string key, byte[] hash, CancellationToken cancellationToken)
    {
        var abandonBefore = clock.GetUtcNow().AddSeconds(-options.Value.AbandonAfterSeconds);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            db.ChangeTracker.Clear();
            db.Add(new IdempotencyRecord { UserId = userId, Key = key, RequestHash = hash });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
            }

            var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
            if (existing is null)
            {
                continue;
            }

            if (existing.StatusCode != 0 || !existing.RequestHash.AsSpan().SequenceEqual(hash))
            {
                return existing;
            }

            if (existing.CreatedAt < abandonBefore)
            {
                await db.Set<IdempotencyRecord>().Where(r => r.Id == existing.Id).ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            // The first attempt is still running (perhaps on another instance): wait for its answer.
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
        }

        return new IdempotencyRecord { Key = key, RequestHash = hash, StatusCode = 0 };
    }

    private async Task RunAndRememberAsync(HttpContext context, OutlayDbContext db, Guid userId, string key)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(context);
            completed = true;
        }
        finally
        {
            context.Response.Body = original;
            var status = context.Response.StatusCode;
            var records = db.Set<IdempotencyRecord>().Where(r => r.UserId == userId && r.Key == key);
            if (!completed || status >= 500 || TransientStatuses.Contains(status))
            {
                await records.ExecuteDeleteAsync(CancellationToken.None);
            }
            else
            {
                var body = buffer.ToArray();
                var now = clock.GetUtcNow();
                await records.ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.StatusCode, status)
                    .SetProperty(r => r.ContentType, context.Response.ContentType)
                    .SetProperty(r => r.Location, context.Response.Headers.Location.ToString())
                    .SetProperty(r => r.ETag, context.Response.Headers.ETag.ToString())
                    .SetProperty(r => r.Body, body)
                    .SetProperty(r => r.CompletedAt, now), CancellationToken.None);
            }

            if (completed)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted);
            }
        }
    }

    private async Task ReplayAsync(HttpContext context, IdempotencyRecord record, byte[] hash)
    {
        if (!record.RequestHash.AsSpan().SequenceEqual(hash))
        {
            await WriteProblemAsync(context, 422, "This Idempotency-Key was used for a different request.", "Use a new key for a new request.");
            return;
        }

        if (record.StatusCode == 0)
        {
            await WriteProblemAsync(context, 409, "A request with this Idempotency-Key is still being processed.", "Retry in a moment.");
            return;
        }

        LogReplay(logger, record.Key.Length);
        context.Response.StatusCode = record.StatusCode;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(record.ContentType))
        {
            context.Response.ContentType = record.ContentType;
        }

        if (!string.IsNullOrEmpty(record.Location))
        {
            context.Response.Headers.Location = record.Location;
        }

        if (!string.IsNullOrEmpty(record.ETag))
        {
            context.Response.Headers.ETag = record.ETag;
        }

        if (record.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static async Task<byte[]> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return sha.GetHashAndReset();
    }

    private static Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed an idempotent response (key of {KeyLength} characters)")]
    private static partial void LogReplay(ILogger logger, int keyLength);
}
