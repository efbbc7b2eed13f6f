using Outlay.Api.Infrastructure;

namespace Outlay.Api.Notifications;

public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationStream>();
        services.AddSingleton<BudgetAlerts>();
        if (configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>()?.IsConfigured == true)
        {
            services.AddHostedService<NotificationStreamListener>();
        }

        return services;
    }
}
