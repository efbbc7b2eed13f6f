using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Outlay.Api.Data;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// Opens a connection and runs one query, bypassing the retrying execution strategy: readiness must
/// answer within seconds, not after the retries a real request would wait out.
/// </summary>
public sealed class DatabaseHealthCheck(OutlayDbContext db) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var connection = db.Database.GetDbConnection();
        try
        {
            if (connection.State != ConnectionState.Open)
            {
                await connection.OpenAsync(timeout.Token);
            }

            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database is unreachable.", exception);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
