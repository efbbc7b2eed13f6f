using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Outlay.Api.Auth;

/// <summary>
/// Readiness of what every request needs before its handler runs: the signing keys and the bearer
/// options built from them. Options are built once and a failure is cached with them, so a server whose
/// first build failed would answer 500 to everything; this makes it say so on <c>/health/ready</c>.
/// </summary>
public sealed partial class AuthenticationHealthCheck(IServiceProvider services, ILogger<AuthenticationHealthCheck> logger) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = services.GetRequiredService<SigningKeyRing>();
            _ = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogCannotAuthenticate(logger, exception);
            return Task.FromResult(HealthCheckResult.Unhealthy("Access tokens cannot be validated; every request would fail.", exception));
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The server cannot authenticate requests")]
    private static partial void LogCannotAuthenticate(ILogger logger, Exception exception);
}
