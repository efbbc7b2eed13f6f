using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Categories;
using Outlay.Api.Infrastructure;
using Outlay.Api.Insights;

namespace Outlay.Api.Settings;

public static class SettingsSetup
{
    /// <summary>
    /// The dynamic configuration: the store, its refresher, and the hooks that make <c>IOptionsMonitor</c> of
    /// <see cref="AuthOptions"/>, <see cref="CategoryOptions"/> and <see cref="InsightOptions"/> follow it.
    /// </summary>
    public static IServiceCollection AddRuntimeSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SettingsStore>();
        services.AddHostedService<SettingsRefresher>();
        if (RedisOptions.From(configuration).IsConfigured)
        {
            services.AddHostedService<SettingsChangeListener>();
        }

        services.AddSingleton<IOptionsChangeTokenSource<AuthOptions>, SettingsChangeTokenSource<AuthOptions>>();
        services.AddSingleton<IPostConfigureOptions<AuthOptions>, AuthSettingsOverlay>();
        services.AddSingleton<IOptionsChangeTokenSource<CategoryOptions>, SettingsChangeTokenSource<CategoryOptions>>();
        services.AddSingleton<IPostConfigureOptions<CategoryOptions>, CategorySettingsOverlay>();
        services.AddSingleton<IOptionsChangeTokenSource<InsightOptions>, SettingsChangeTokenSource<InsightOptions>>();
        services.AddSingleton<IPostConfigureOptions<InsightOptions>, InsightSettingsOverlay>();
        return services;
    }
}
