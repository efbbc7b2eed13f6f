using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Outlay.Api.Infrastructure;

public static class CachingSetup
{
    /// <summary>
    /// HybridCache everywhere; with Redis configured it is the shared second level (and pub/sub, rate-limit
    /// store), otherwise everything stays in process.
    /// </summary>
    public static IServiceCollection AddOutlayCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName);
        var redis = RedisOptions.From(configuration);

        if (redis.IsConfigured)
        {
            var redisConfiguration = ConfigurationOptions.Parse(redis.Configuration!);
            // Start even when Redis is down; /health/ready reports it and calls reconnect when it is back.
            redisConfiguration.AbortOnConnectFail = false;
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisConfiguration));
            services.AddStackExchangeRedisCache(options =>
            {
                options.InstanceName = redis.InstanceName;
                options.ConfigurationOptions = redisConfiguration;
            });
            services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Unhealthy, [HealthSetup.ReadyTag]);
            services.AddHostedService<CacheInvalidationListener>();
        }
        else
        {
            services.AddDistributedMemoryCache();
        }

        services.AddHybridCache();
        services.AddSingleton<RedisBroadcast>();
        services.AddSingleton<CacheInvalidator>();
        return services;
    }
}
