using Microsoft.Extensions.Options;
using Outlay.Api.Infrastructure;
using StackExchange.Redis;

namespace Outlay.Api.Settings;

/// <summary>
/// Keeps this instance's settings current: reloads when another instance announces a change on Redis,
/// and re-reads every 30 s regardless (a missed message, Redis down, or a change made in the database).
/// </summary>
public sealed partial class SettingsRefresher(
    SettingsStore store, IOptions<RedisOptions> redisOptions, IServiceProvider services, TimeProvider clock, ILogger<SettingsRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private bool subscribed;

    /// <summary>Subscribes before the server takes requests, so no change announced after start-up is missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        subscribed = await TrySubscribeAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReloadAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            subscribed = subscribed || await TrySubscribeAsync();
            await ReloadAsync(stoppingToken);
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        if (!redisOptions.Value.IsConfigured)
        {
            return true;
        }

        try
        {
            // Once subscribed, the client re-subscribes by itself after a reconnect.
            var redis = services.GetRequiredService<IConnectionMultiplexer>();
            await redis.GetSubscriber().SubscribeAsync(SettingsStore.Channel(redisOptions.Value), (channel, origin) =>
            {
                if (origin != store.InstanceId)
                {
                    _ = ReloadAsync(CancellationToken.None);
                }
            });
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, exception);
            return false;
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.ReloadAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReloadFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to settings changes; relying on the 30-second re-read")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-read the dynamic configuration")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
