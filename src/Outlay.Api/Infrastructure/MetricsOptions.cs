using System.Net;

namespace Outlay.Api.Infrastructure;

/// <summary>Who may read <c>/metrics</c> (section <c>Outlay:Metrics</c>). Loopback callers always may.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Outlay:Metrics";

    /// <summary>CIDR ranges (<c>10.0.0.0/8</c>, <c>fd00::/8</c>) whose callers need no token, e.g. the Prometheus server's network.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>A secret a scraper from anywhere else sends as <c>Authorization: Bearer</c>; unset means none is accepted.</summary>
    public string? ScrapeToken { get; set; }

    public bool HasValidNetworks => AllowedNetworks.All(network => IPNetwork.TryParse(network, out _));

    public IReadOnlyList<IPNetwork> Networks => [.. AllowedNetworks.Select(network => IPNetwork.Parse(network))];
}
