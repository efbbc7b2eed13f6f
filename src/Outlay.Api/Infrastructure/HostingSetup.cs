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

    /// <summary>
    /// Behind a TLS-terminating reverse proxy (<c>Outlay:TrustForwardedHeaders</c>), the client address and
    /// scheme come from X-Forwarded-For/-Proto, so rate limits see real clients and cookies stay Secure.
    /// HSTS tells browsers to use HTTPS only, on every HTTPS response outside development.
    /// </summary>
    public static void UseOutlayTransportSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>($"{OutlayOptions.SectionName}:TrustForwardedHeaders"))
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
    }
}
