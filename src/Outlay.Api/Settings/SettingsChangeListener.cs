using Microsoft.Extensions.Options;
using Outlay.Api.Infrastructure;
using StackExchange.Redis;

namespace Outlay.Api.Settings;

/// <summary>Reloads this instance's settings when another instance announces a change on Redis.</summary>
public sealed class SettingsChangeListener(
    IConnectionMultiplexer redis, SettingsStore store, IOptions<RedisOptions> options, ILogger<SettingsChangeListener> logger)
    : RedisChannelListener(redis, logger)
{
    protected override RedisChannel Channel => RedisBroadcast.Channel(options.Value, SettingsStore.ChannelName);

    protected override Task OnMessageAsync(RedisValue message) =>
        message == store.InstanceId ? Task.CompletedTask : store.ReloadAsync(CancellationToken.None);
}
