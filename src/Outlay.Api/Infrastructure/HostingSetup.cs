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
}
