using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Auth;

/// <summary>Accounts, passwords, token lifetimes and abuse limits (section <c>Outlay:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Outlay:Auth";

    public bool SignupsEnabled { get; set; } = true;

    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>Absolute session lifetime: however often it is refreshed, a sign-in ends this many days after it began.</summary>
    [Range(1, 3650)]
    public int SessionMaxDays { get; set; } = 90;

    /// <summary>bcrypt work factor; 12 is about 200 ms a hash on one core of the reference machine.</summary>
    [Range(4, 20)]
    public int BcryptCost { get; set; } = 12;

    /// <summary>Lowest zxcvbn score (0–4) a new password must reach.</summary>
    [Range(0, 4)]
    public int MinPasswordScore { get; set; } = 2;

    /// <summary>Failed sign-ins for one email before it is locked.</summary>
    [Range(1, 1000)]
    public int LockoutFailures { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Tolerance for clocks that disagree, when validating access tokens.</summary>
    [Range(0, 300)]
    public int ClockSkewSeconds { get; set; } = 5;

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>
    /// Origins besides the server's own (scheme://host[:port]) whose pages may call the cookie endpoints
    /// (refresh, logout), e.g. the web app's address when a proxy changes the host the server sees.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(RefreshTokenDays);

    public TimeSpan SessionMaxAge => TimeSpan.FromDays(SessionMaxDays);
}

/// <summary>Requests allowed per minute; per client address unless the name says account.</summary>
public sealed class RateLimitOptions
{
    [Range(1, 1_000_000)]
    public int SignupPerMinute { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int LoginPerMinute { get; set; } = 30;

    [Range(1, 1_000_000)]
    public int LoginPerAccountPerMinute { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int RefreshPerMinute { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int TokenPerMinute { get; set; } = 30;
}
