using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Outlay.Api.Data;

namespace Outlay.Api.Infrastructure.Keys;

public static class DataProtectionSetup
{
    public const string LegacyKeyFolder = "keys/data-protection";

    /// <summary>
    /// Data Protection keys (SMS texts, sign-in state) in the database: every instance shares them, and none sits in
    /// the data folder next to what they protect. In Production each key is encrypted with the configured
    /// certificate, or the server does not start.
    /// </summary>
    public static IServiceCollection AddOutlayDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var encryption = configuration.GetSection(KeyEncryptionOptions.SectionName).Get<KeyEncryptionOptions>() ?? new KeyEncryptionOptions();
        var protection = services.AddDataProtection().SetApplicationName("Outlay").PersistKeysToDbContext<OutlayDbContext>();
        if (encryption.IsConfigured)
        {
            var current = Load(encryption.CertificatePath!, encryption.KeyPath, encryption.CertificatePassword);
            var previous = encryption.PreviousCertificatePaths.Select(path => Load(path, keyPath: null, encryption.CertificatePassword));
            protection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"In Production the Data Protection keys must be encrypted: set {KeyEncryptionOptions.SectionName}:CertificatePath to an RSA " +
                "certificate (a PEM file with :KeyPath, or a .pfx with :CertificatePassword). Without it a copy of the database would decrypt every SMS text.");
        }

        return services;
    }

    private static X509Certificate2 Load(string certificatePath, string? keyPath, string? password)
    {
        try
        {
            return certificatePath.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || certificatePath.EndsWith(".crt", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password);
        }
        catch (Exception exception) when (exception is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{KeyEncryptionOptions.SectionName}: cannot load the certificate {certificatePath}: {exception.Message}", exception);
        }
    }
}
