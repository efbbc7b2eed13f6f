namespace Outlay.Api.Infrastructure;

public sealed class RedisOptions
{
    public const string SectionName = "Outlay:Redis";

    /// <summary>A StackExchange.Redis configuration string (e.g. <c>localhost:6379</c>); empty means in-process fallbacks.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key and channel, so several deployments can share one Redis.</summary>
    public string InstanceName { get; set; } = "outlay:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);

    /// <summary>The section as bound at registration time, for the features that register Redis-only services.</summary>
    public static RedisOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<RedisOptions>() ?? new RedisOptions();
}
