using Outlay.Api.Categories;
using Outlay.Api.Categories.AutoCategorisation;
using Outlay.Api.Insights;
using Outlay.Api.Sms.Parsing;

namespace Outlay.Api.Settings;

/// <summary>
/// The dynamic configuration (<c>GET/PATCH /api/v1/admin/settings</c>): an immutable snapshot. A key an admin
/// has not set shows its static default, i.e. what <c>appsettings.json</c>, environment variables or the code
/// say, so nothing changes until an admin patches it. See <see cref="SettingKeys"/> for each key's range.
/// </summary>
public sealed record RuntimeSettings
{
    /// <summary>Whether new accounts may sign up. Default <c>Outlay:Auth:SignupsEnabled</c> (true).</summary>
    public bool SignupsEnabled { get; init; }

    /// <summary>Access-token lifetime in minutes, 1–1440. Default <c>Outlay:Auth:AccessTokenMinutes</c> (15).</summary>
    public int AccessTokenMinutes { get; init; }

    /// <summary>Refresh-token (session) lifetime in days, 1–365. Default <c>Outlay:Auth:RefreshTokenDays</c> (30).</summary>
    public int RefreshTokenDays { get; init; }

    /// <summary>bcrypt work factor for new hashes, 4–20. Default <c>Outlay:Auth:BcryptCost</c> (12).</summary>
    public int BcryptCost { get; init; }

    /// <summary>Sign-in attempts per minute per client address, 1–1,000,000. Default <c>Outlay:Auth:RateLimits:LoginPerMinute</c> (30).</summary>
    public int LoginRateLimit { get; init; }

    /// <summary>The categories a new user starts with, 1–50 of them. Default <c>Outlay:Categories:Defaults</c> or the built-in twelve.</summary>
    public IReadOnlyList<DefaultCategory> DefaultCategories { get; init; } = [];

    /// <summary>Alert thresholds (percent, ascending, 1–200, at most 10) of a budget created without any. Default [50, 80, 100].</summary>
    public IReadOnlyList<int> BudgetAlertThresholds { get; init; } = [];

    /// <summary>Bank SMS templates added on top of the shipped ones (later ones win), at most 100. Default none.</summary>
    public IReadOnlyList<SmsTemplate> SmsTemplates { get; init; } = [];

    /// <summary>Merchant keyword or pattern → category rules, tried before the built-in dictionary, at most 500. Default <c>Outlay:Categories:Rules</c>.</summary>
    public IReadOnlyList<CategoryRule> CategoryRules { get; init; } = [];

    /// <summary>Which notification providers are on. Default both off.</summary>
    public NotificationChannels NotificationChannels { get; init; } = new(false, false);

    /// <summary>When an insight is worth showing (the ranges of <see cref="InsightOptions"/>). Default <c>Outlay:Insights</c>.</summary>
    public InsightOptions Insights { get; init; } = new();
}

/// <summary>Which notification providers may send.</summary>
public sealed record NotificationChannels(bool Sms, bool Whatsapp);
