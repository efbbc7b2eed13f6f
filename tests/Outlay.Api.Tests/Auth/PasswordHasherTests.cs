using Microsoft.Extensions.Options;
using Outlay.Api.Auth;

namespace Outlay.Api.Tests.Auth;

public sealed class PasswordHasherTests
{
    [Fact]
    public async Task Hash_WithTheProductionDefaults_UsesBcryptCost12()
    {
        var defaults = new AuthOptions();
        using var hasher = new PasswordHasher(new StaticOptions<AuthOptions>(defaults));

        var hash = await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.Equal(12, defaults.BcryptCost);
        Assert.Matches(@"^\$2[aby]\$12\$", hash);
        Assert.True(await hasher.VerifyAsync("correct horse battery staple", hash, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_WithNoStoredHash_IsFalseButStillHashes()
    {
        using var hasher = new PasswordHasher(new StaticOptions<AuthOptions>(new AuthOptions { BcryptCost = 4 }));

        Assert.False(await hasher.VerifyAsync("anything at all", null, CancellationToken.None));
    }

    [Fact]
    public async Task NeedsRehash_WhenTheConfiguredCostChanged_IsTrue()
    {
        var options = new AuthOptions { BcryptCost = 4 };
        using var hasher = new PasswordHasher(new StaticOptions<AuthOptions>(options));
        var hash = await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.False(hasher.NeedsRehash(hash));
        options.BcryptCost = 5;
        Assert.True(hasher.NeedsRehash(hash));
    }
}
