using Outlay.Api.Data;

namespace Outlay.Api.Auth.SecurityEvents;

/// <summary>
/// Writes security events in a unit of work of their own, so an event is kept whatever the request does next (a
/// failed sign-in saves nothing else), with the address and browser of the request it happens in.
/// </summary>
public sealed partial class SecurityEventLog(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock, ILogger<SecurityEventLog> logger)
{
    public async Task RecordAsync(Guid userId, string kind, string? detail = null, CancellationToken cancellationToken = default)
    {
        var request = http.HttpContext;
        var agent = request?.Request.Headers.UserAgent.ToString();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
            db.Add(new SecurityEvent
            {
                UserId = userId,
                Kind = kind,
                OccurredAt = clock.GetUtcNow(),
                ClientAddress = request?.Connection.RemoteIpAddress?.ToString(),
                UserAgent = string.IsNullOrEmpty(agent) ? null : agent[..Math.Min(agent.Length, SecurityEventConfiguration.UserAgentLength)],
                Detail = detail,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The sign-in (or whatever it records) goes on: losing one event beats refusing the person.
            LogNotRecorded(logger, exception, kind, userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the {Kind} security event of user {UserId}")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string kind, Guid userId);
}
