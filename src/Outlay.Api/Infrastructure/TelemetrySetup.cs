using OpenTelemetry.Metrics;

namespace Outlay.Api.Infrastructure;

public static class TelemetrySetup
{
    /// <summary>The meter every Outlay feature records its own business metrics on.</summary>
    public const string MeterName = "Outlay";

    public static IServiceCollection AddOutlayTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(MeterName)
            .AddPrometheusExporter());
        return services;
    }
}
