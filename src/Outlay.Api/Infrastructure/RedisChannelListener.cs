using StackExchange.Redis;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// Hands every message of one Redis channel to <see cref="OnMessageAsync"/>. It subscribes before the server takes
/// requests (an instance that served before it listened could miss what other instances announced), and
/// while Redis is unreachable the server starts anyway and the subscription is retried in the background.
/// </summary>
public abstract partial class RedisChannelListener(IConnectionMultiplexer redis, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private bool subscribed;

    protected abstract RedisChannel Channel { get; }

    protected abstract Task OnMessageAsync(RedisValue message);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        subscribed = await TrySubscribeAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!subscribed)
        {
            await Task.Delay(RetryInterval, stoppingToken);
            subscribed = await TrySubscribeAsync();
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        try
        {
            // Once subscribed, the client re-subscribes by itself after a reconnect.
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => OnMessageAsync(message).ConfigureAwait(false));
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, exception, Channel.ToString());
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to the Redis channel {Channel}; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string channel);
}
