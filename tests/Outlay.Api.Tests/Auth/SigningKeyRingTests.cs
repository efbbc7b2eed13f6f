using Microsoft.Extensions.Logging.Abstractions;
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
        var rings = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(NewRing)));

        Assert.Single(rings.Select(r => r.SigningCredentials.Key.KeyId).Distinct());
        Assert.Equal([Path.GetFileName(SigningKeyRing.DevelopmentKeyFile)], Directory.GetFiles(Path.Combine(dataPath, "keys")).Select(Path.GetFileName));
    }

    [Fact]
    public void DevelopmentKey_OnTheNextStart_IsTheSameKey() =>
        Assert.Equal(NewRing().SigningCredentials.Key.KeyId, NewRing().SigningCredentials.Key.KeyId);

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private SigningKeyRing NewRing() => new(
        Options.Create(new JwtOptions()),
        Options.Create(new OutlayOptions { DataPath = dataPath }),
        NullLogger<SigningKeyRing>.Instance);
}
