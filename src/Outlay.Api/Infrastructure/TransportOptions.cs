namespace Outlay.Api.Infrastructure;

/// <summary>Which peers may tell Outlay the client's address and scheme (section <c>Outlay:ForwardedHeaders</c>).</summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "Outlay:ForwardedHeaders";

    /// <summary>Addresses of the reverse proxies whose X-Forwarded-For/-Proto are believed; none given: loopback only.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, "10.0.0.0/8") of such proxies.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>HTTPS behaviour (section <c>Outlay:Https</c>); the certificate itself is Kestrel's configuration.</summary>
public sealed class HttpsSettings
{
    public const string SectionName = "Outlay:Https";

    /// <summary>Answer plain-http requests with a redirect to https (when Outlay itself serves https).</summary>
    public bool Redirect { get; set; }

    /// <summary>Send Strict-Transport-Security on https responses outside Development.</summary>
    public bool Hsts { get; set; } = true;

    public int HstsMaxAgeDays { get; set; } = 365;
}
