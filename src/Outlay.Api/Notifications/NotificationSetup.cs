using Microsoft.Extensions.Options;
using Outlay.Api.Infrastructure;
using Outlay.Api.Notifications.Channels;
using Outlay.Api.Notifications.Scheduling;
using Outlay.Api.Reports;

namespace Outlay.Api.Notifications;

public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationStream>();
        services.AddSingleton<BudgetAlerts>();
        services.AddSingleton<UnusualExpenseAlerts>();
        services.AddScoped<NotificationWriter>();
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<TwilioMessages>((provider, http) =>
        {
            var twilio = provider.GetRequiredService<IOptions<TwilioOptions>>().Value;
            http.BaseAddress = new Uri(twilio.BaseUrl.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(twilio.TimeoutSeconds);
        }).AddProviderRetries();
        services.AddOptions<MetaOptions>().BindConfiguration(MetaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<MetaWhatsApp>((provider, http) =>
        {
            var meta = provider.GetRequiredService<IOptions<MetaOptions>>().Value;
            http.BaseAddress = new Uri(meta.BaseUrl.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(meta.TimeoutSeconds);
        }).AddProviderRetries();
        services.AddScoped<PhoneMessaging>();
        services.AddScoped<NotificationOutbox>();
        services.AddSingleton<UnreachableChannels>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<DeliveryDispatcher>());
        services.AddSingleton<DailyReminders>();
        services.AddSingleton<IScheduledNotification>(provider => new PeriodDigest(PeriodKind.Week, provider.GetRequiredService<IOptionsMonitor<NotificationOptions>>()));
        services.AddSingleton<IScheduledNotification>(provider => new PeriodDigest(PeriodKind.Month, provider.GetRequiredService<IOptionsMonitor<NotificationOptions>>()));
        services.AddSingleton<IScheduledNotification, UpcomingPayments>();
        services.AddSingleton<ScheduledNotifications>();
        services.AddHostedService<NotificationScheduler>();
        if (RedisOptions.From(configuration).IsConfigured)
        {
            services.AddHostedService<NotificationStreamListener>();
        }

        return services;
    }
}
