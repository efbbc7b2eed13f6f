using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Outlay.Api.Infrastructure;

public static class HostingSetup
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Listens on <see cref="DefaultUrl"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or Kestrel endpoints say otherwise.</summary>
    public static void UseOutlayDefaultUrls(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var hasUrls = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!hasUrls)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var maxBody = configuration.GetValue<long?>($"{OutlayOptions.SectionName}:{nameof(OutlayOptions.MaxRequestBodyBytes)}")
            ?? new OutlayOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
    }

    public static IServiceCollection AddOutlayTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var https = configuration.GetSection(HttpsSettings.SectionName).Get<HttpsSettings>() ?? new HttpsSettings();
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(https.HstsMaxAgeDays));
        return services;
    }

    /// <summary>
    /// Behind a TLS-terminating reverse proxy (<c>Outlay:TrustForwardedHeaders</c>), the client address and scheme
    /// come from X-Forwarded-For/-Proto, but only when the request comes from one of the known proxies (loopback
    /// unless <c>Outlay:ForwardedHeaders</c> names others): anyone else could claim any address and escape every
    /// per-address limit. HTTPS redirection and HSTS follow <c>Outlay:Https</c>.
    /// </summary>
    public static void UseOutlayTransportSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>($"{OutlayOptions.SectionName}:TrustForwardedHeaders"))
        {
            app.UseForwardedHeaders(ForwardedFrom(app.Configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>()));
        }

        var https = app.Configuration.GetSection(HttpsSettings.SectionName).Get<HttpsSettings>() ?? new HttpsSettings();
        if (https.Redirect)
        {
            app.UseHttpsRedirection();
        }

        if (https.Hsts && !app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
    }

    private static ForwardedHeadersOptions ForwardedFrom(ForwardedHeadersSettings? settings)
    {
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        if (settings is null || settings.KnownProxies.Length + settings.KnownNetworks.Length == 0)
        {
            return forwarded;
        }

        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{ForwardedHeadersSettings.SectionName}:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in settings.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{ForwardedHeadersSettings.SectionName}:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8)."));
        }

        return forwarded;
    }
}
