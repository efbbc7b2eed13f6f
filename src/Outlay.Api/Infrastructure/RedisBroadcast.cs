using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// The one way an instance tells the others something over a Redis channel (cache invalidations, settings changes,
/// live notifications). It never throws: what it announces is saved already, and a write must not fail after its
/// commit because Redis is away. It says whether the message went out, so a caller can fall back.
/// </summary>
public sealed partial class RedisBroadcast(IOptions<RedisOptions> options, IServiceProvider services, ILogger<RedisBroadcast> logger)
{
    /// <summary>The channel of that name for this deployment (instances of another deployment on the same Redis hear nothing).</summary>
    public static RedisChannel Channel(RedisOptions options, string name) => RedisChannel.Literal(options.InstanceName + name);

    public async Task<bool> PublishAsync(string channelName, RedisValue message)
    {
        if (!options.Value.IsConfigured)
        {
            return false;
        }

        try
        {
            await services.GetRequiredService<IConnectionMultiplexer>().GetSubscriber().PublishAsync(Channel(options.Value, channelName), message);
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, exception, channelName);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish on the Redis channel {Channel}; other instances learn of it later or not at all")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string channel);
}
