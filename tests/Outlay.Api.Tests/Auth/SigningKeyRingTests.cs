using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Tests.Auth;

public sealed class SigningKeyRingTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "outlay-key-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task DevelopmentKey_CreatedByInstancesStartingTogether_IsOneKeyForAll()
    {
        var rings = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => NewRing())));

        Assert.Single(rings.Select(r => r.SigningCredentials.Key.KeyId).Distinct());
        Assert.Equal([Path.GetFileName(SigningKeyRing.DevelopmentKeyFile)], Directory.GetFiles(Path.Combine(dataPath, "keys")).Select(Path.GetFileName));
    }

    [Fact]
    public void DevelopmentKey_OnTheNextStart_IsTheSameKey() =>
        Assert.Equal(NewRing().SigningCredentials.Key.KeyId, NewRing().SigningCredentials.Key.KeyId);

    [Fact]
    public void ConfiguredKeys_EcAndRsa_SignWithTheFirstAndVerifyWithBoth()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa = RSA.Create(2048);

        var ring = NewRing(new SigningKeyOptions { Pem = rsa.ExportPkcs8PrivateKeyPem() }, new SigningKeyOptions { Pem = ec.ExportECPrivateKeyPem(), KeyId = "old" });

        Assert.Equal(SecurityAlgorithms.RsaSha256, ring.SigningCredentials.Algorithm);
        Assert.Collection(ring.VerificationKeys, first => Assert.IsType<RsaSecurityKey>(first), second => Assert.Equal("old", second.KeyId));
    }

    [Fact]
    public void DevelopmentKey_ThatIsNotAKey_FailsNamingTheFile()
    {
        WriteDevelopmentKey("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        var error = Assert.Throws<InvalidOperationException>(() => NewRing());

        Assert.Contains(SigningKeyRing.DevelopmentKeyFile, error.Message);
        Assert.Contains("neither an EC nor an RSA private key", error.Message);
    }

    [Fact]
    public void ConfiguredKey_ThatIsAPublicKey_FailsNamingTheSetting()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var error = Assert.Throws<InvalidOperationException>(() => NewRing(new SigningKeyOptions { Pem = ec.ExportSubjectPublicKeyInfoPem() }));

        Assert.Contains("Outlay:Jwt:SigningKeys:0 is not a PEM private key", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private void WriteDevelopmentKey(string pem)
    {
        var path = Path.Combine(dataPath, SigningKeyRing.DevelopmentKeyFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, pem);
    }

    [Fact]
    public void NoConfiguredKey_InProduction_RefusesToStartAndSaysWhatToSet()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NewRingIn(Environments.Production));

        Assert.Contains("Outlay:Jwt:SigningKeys:0:PemFile", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dataPath, "keys")));
    }

    [Fact]
    public void DevelopmentKey_Folder_OnlyItsOwnerCanEnter()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        NewRing();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, new DirectoryInfo(Path.Combine(dataPath, "keys")).UnixFileMode);
    }

    private SigningKeyRing NewRing(params SigningKeyOptions[] configured) => NewRingIn("Testing", configured);

    private SigningKeyRing NewRingIn(string environment, params SigningKeyOptions[] configured) => new(
        Options.Create(new JwtOptions { SigningKeys = [.. configured] }),
        Options.Create(new OutlayOptions { DataPath = dataPath }),
        new HostingEnvironment { EnvironmentName = environment },
        NullLogger<SigningKeyRing>.Instance);
}
