namespace Outlay.Api.Settings;

/// <summary>
/// Re-reads the settings every 30 s, whatever <see cref="SettingsChangeListener"/> heard: a missed message,
/// Redis down, or a change made in the database directly.
/// </summary>
public sealed class SettingsRefresher(SettingsStore store, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await store.ReloadAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
