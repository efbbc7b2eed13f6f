using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure.Keys;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Operations;

/// <summary>
/// Keys kept apart from the data: the Data Protection keys (SMS texts, sign-in state) live in the database, shared by
/// every instance, encrypted with the configured certificate; none are left in the data folder; a Production server
/// without a signing key or that certificate does not start.
/// </summary>
public sealed class KeyStorageTests
{
    private const string Purpose = "Outlay.Tests.KeyStorage";

    [Fact]
    public async Task DataProtectionKeys_AreInTheDatabaseAndShared_NotInTheDataFolder()
    {
        await using var app = await StartedAsync(new OutlayAppFactory());
        var protectedText = Protector(app).Protect("an SMS text");
        var otherFolder = Directory.CreateTempSubdirectory("outlay-other-instance-").FullName;
        // Another instance: its own data folder, the same database.
        using var other = app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Outlay:DataPath", otherFolder);
            if (app.PostgresConnectionString is null)
            {
                builder.UseSetting("Outlay:Database:ConnectionString", $"Data Source={Path.Combine(app.DataPath, "outlay.db")}");
            }
        });

        Assert.Equal("an SMS text", Protector(other).Unprotect(protectedText));
        Assert.NotEmpty(await KeysAsync(app));
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, DataProtectionSetup.LegacyKeyFolder)));
        Assert.False(Directory.Exists(Path.Combine(otherFolder, DataProtectionSetup.LegacyKeyFolder)));
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task DataProtectionKeys_WithACertificateConfigured_AreStoredEncrypted()
    {
        var (certificate, key) = TestCertificates.WritePem(Directory.CreateTempSubdirectory("outlay-dp-cert-").FullName);
        await using var app = await StartedAsync(new SettingsApp(new()
        {
            ["Outlay:DataProtection:CertificatePath"] = certificate,
            ["Outlay:DataProtection:KeyPath"] = key,
        }));

        var protectedText = Protector(app).Protect("an SMS text");

        var stored = Assert.Single(await KeysAsync(app));
        Assert.Contains("EncryptedXmlDecryptor", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal);
        Assert.Equal("an SMS text", Protector(app).Unprotect(protectedText));
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task KeysOfAnEarlierVersion_InTheDataFolder_MoveIntoTheDatabaseAndStillDecrypt()
    {
        var app = new OutlayAppFactory();
        await app.InitializeAsync();
        var legacy = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(app.DataPath, DataProtectionSetup.LegacyKeyFolder)), b => b.SetApplicationName("Outlay"));
        var protectedText = legacy.CreateProtector(Purpose).Protect("stored last year");

        Assert.Equal("stored last year", Protector(app).Unprotect(protectedText));
        Assert.Single(await KeysAsync(app));
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task Production_WithoutAKeyEncryptionCertificate_DoesNotStart()
    {
        await using var app = new SettingsApp(new() { ["Outlay:Jwt:SigningKeys:0:Pem"] = NewSigningKeyPem() }, environment: "Production");
        await app.InitializeAsync();

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Outlay:DataProtection:CertificatePath", error.ToString(), StringComparison.Ordinal);
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    private static async Task<OutlayAppFactory> StartedAsync(OutlayAppFactory app)
    {
        await app.InitializeAsync();
        _ = app.Server;
        return app;
    }

    private static string NewSigningKeyPem()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static IDataProtector Protector(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static async Task<List<string>> KeysAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    private sealed class SettingsApp(Dictionary<string, string?> settings, string? environment = null) : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (environment is not null)
            {
                builder.UseEnvironment(environment);
            }
        }
    }
}
