namespace Outlay.Api.Infrastructure;

public static class ClockSetup
{
    public const string StartsAtKey = "Outlay:Clock:StartsAt";

    /// <summary>
    /// The one clock of the server: the real one, or with <c>Outlay:Clock:StartsAt</c> one that starts at that
    /// instant and runs on at the real pace (demos and browser tests that need a known "today").
    /// </summary>
    public static IServiceCollection AddOutlayClock(this IServiceCollection services, IConfiguration configuration)
    {
        var startsAt = configuration.GetValue<DateTimeOffset?>(StartsAtKey);
        services.AddSingleton(startsAt is { } start ? new StartedClock(start) : TimeProvider.System);
        return services;
    }

    /// <summary>A moved clock changes every date the server records, so it is never silent.</summary>
    public static void WarnIfTheClockIsMoved(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TimeProvider>() is StartedClock clock)
        {
            app.Logger.LogWarning("The clock is moved: it started at {StartsAt:O} ({Key}), not at the real time", clock.StartsAt, StartsAtKey);
        }
    }

    /// <summary>Timers and timestamps stay real; only the wall-clock time is moved.</summary>
    public sealed class StartedClock(DateTimeOffset startsAt) : TimeProvider
    {
        private readonly long startedTimestamp = System.GetTimestamp();

        public DateTimeOffset StartsAt { get; } = startsAt;

        public override DateTimeOffset GetUtcNow() => StartsAt + System.GetElapsedTime(startedTimestamp);
    }
}
