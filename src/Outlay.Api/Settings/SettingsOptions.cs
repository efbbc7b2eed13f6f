using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Outlay.Api.Auth;
using Outlay.Api.Categories;
using Outlay.Api.Insights;

namespace Outlay.Api.Settings;

/// <summary>Makes <c>IOptionsMonitor&lt;T&gt;</c> recompute <typeparamref name="T"/> whenever the settings change.</summary>
public sealed class SettingsChangeTokenSource<T>(SettingsStore store) : IOptionsChangeTokenSource<T>
{
    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => store.GetChangeToken();
}

/// <summary>Lays the keys an admin has set over the static <see cref="AuthOptions"/>.</summary>
public sealed class AuthSettingsOverlay(SettingsStore store) : IPostConfigureOptions<AuthOptions>
{
    public void PostConfigure(string? name, AuthOptions options)
    {
        var settings = store.Current;
        if (store.IsSet("signupsEnabled"))
        {
            options.SignupsEnabled = settings.SignupsEnabled;
        }

        if (store.IsSet("accessTokenMinutes"))
        {
            options.AccessTokenMinutes = settings.AccessTokenMinutes;
        }

        if (store.IsSet("refreshTokenDays"))
        {
            options.RefreshTokenDays = settings.RefreshTokenDays;
        }

        if (store.IsSet("bcryptCost"))
        {
            options.BcryptCost = settings.BcryptCost;
        }

        if (store.IsSet("loginRateLimit"))
        {
            options.RateLimits.LoginPerMinute = settings.LoginRateLimit;
        }
    }
}

/// <summary>Lays <c>defaultCategories</c> and <c>categoryRules</c> over the static <see cref="CategoryOptions"/>.</summary>
public sealed class CategorySettingsOverlay(SettingsStore store) : IPostConfigureOptions<CategoryOptions>
{
    public void PostConfigure(string? name, CategoryOptions options)
    {
        var settings = store.Current;
        if (store.IsSet("defaultCategories"))
        {
            options.Defaults = [.. settings.DefaultCategories];
        }

        if (store.IsSet("categoryRules"))
        {
            options.Rules = [.. settings.CategoryRules];
        }
    }
}

/// <summary>Lays <c>insights</c> over the static <see cref="InsightOptions"/>.</summary>
public sealed class InsightSettingsOverlay(SettingsStore store) : IPostConfigureOptions<InsightOptions>
{
    public void PostConfigure(string? name, InsightOptions options)
    {
        if (!store.IsSet("insights"))
        {
            return;
        }

        var insights = store.Current.Insights;
        options.CategorySpikePercent = insights.CategorySpikePercent;
        options.MinMonthsOfHistory = insights.MinMonthsOfHistory;
        options.UnusualStdDevs = insights.UnusualStdDevs;
        options.MinSamples = insights.MinSamples;
        options.UnusualLookbackDays = insights.UnusualLookbackDays;
        options.UnusualRecentDays = insights.UnusualRecentDays;
        options.RecurringMinOccurrences = insights.RecurringMinOccurrences;
        options.RecurringAmountTolerancePercent = insights.RecurringAmountTolerancePercent;
        options.PatternDifferencePercent = insights.PatternDifferencePercent;
        options.PatternWeeks = insights.PatternWeeks;
        options.SavingsCutPercent = insights.SavingsCutPercent;
        options.DiscretionaryCategories = [.. insights.DiscretionaryCategories];
    }
}
