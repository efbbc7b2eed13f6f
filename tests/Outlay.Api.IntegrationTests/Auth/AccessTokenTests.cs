using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

public sealed class AccessTokenTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task AccessToken_IsAnAsymmetricJwtWithTheContractClaims()
    {
        var user = await app.RegisterUserAsync();

        var token = new JsonWebToken(user.AccessToken);

        Assert.Equal("ES256", token.Alg);
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.Equal(user.Id.ToString(), token.Subject);
        Assert.Equal("outlay", token.Issuer);
        Assert.Contains("outlay-api", token.Audiences);
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.Contains(token.GetClaim("role").Value, new[] { "admin", "user" });
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task Jwks_PublishesThePublicKeyThatVerifiesTokens()
    {
        var user = await app.RegisterUserAsync();

        var jwks = await app.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");

        var key = jwks.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == new JsonWebToken(user.AccessToken).Kid);
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.False(key.TryGetProperty("d", out _), "the private key must never be published");
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(user.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = "outlay",
            ValidAudience = "outlay-api",
            IssuerSigningKeys = new JsonWebKeySet(jwks.GetRawText()).GetSigningKeys(),
        });
        Assert.True(validation.IsValid);
    }

    [Fact]
    public async Task Request_WithoutToken_Returns401ProblemWithBearerChallenge()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Request_WithAlgNoneToken_Returns401()
    {
        var user = await app.RegisterUserAsync();
        var original = new JsonWebToken(user.AccessToken);
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var unsigned = $"{header}.{original.EncodedPayload}.";

        var response = await app.ClientWithToken(unsigned).GetAsync("/api/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_WithTamperedPayload_Returns401()
    {
        var admin = await app.RegisterUserAsync();
        var parts = admin.AccessToken.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["sub"] = Guid.NewGuid().ToString();
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";

        var response = await app.ClientWithToken(forged).GetAsync("/api/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_SignedWithAnotherKeyUnderTheSameKid_Returns401()
    {
        var user = await app.RegisterUserAsync();
        var kid = new JsonWebToken(user.AccessToken).Kid;
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var forged = Sign(new ECDsaSecurityKey(attackerKey) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256, user, "outlay", "outlay-api", DateTime.UtcNow.AddMinutes(5));

        await (await app.ClientWithToken(forged).GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_HmacSignedWithThePublicKey_Returns401()
    {
        var user = await app.RegisterUserAsync();
        var jwks = await app.CreateClient().GetStringAsync("/.well-known/jwks.json");
        var kid = new JsonWebToken(user.AccessToken).Kid;
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwks.PadRight(64))) { KeyId = kid };

        var forged = Sign(secret, SecurityAlgorithms.HmacSha256, user, "outlay", "outlay-api", DateTime.UtcNow.AddMinutes(5));

        await (await app.ClientWithToken(forged).GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("someone-else", "outlay-api", 5)]
    [InlineData("outlay", "another-api", 5)]
    [InlineData("outlay", "outlay-api", -2)]
    public async Task Request_WithRealKeyButWrongIssuerAudienceOrExpired_Returns401(string issuer, string audience, int minutesFromNow)
    {
        var user = await app.RegisterUserAsync();
        var token = Sign(RealSigningKey(), SecurityAlgorithms.EcdsaSha256, user, issuer, audience, DateTime.UtcNow.AddMinutes(minutesFromNow));

        var response = await app.ClientWithToken(token).GetAsync("/api/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_WithRealKeyAndRightClaims_IsAccepted()
    {
        var user = await app.RegisterUserAsync();
        var token = Sign(RealSigningKey(), SecurityAlgorithms.EcdsaSha256, user, "outlay", "outlay-api", DateTime.UtcNow.AddMinutes(5));

        var response = await app.ClientWithToken(token).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // The development key the server generated on first run, read from its data folder.
    private ECDsaSecurityKey RealSigningKey()
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(Path.Combine(app.DataPath, "keys", "jwt-signing-key.pem")));
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(false))).ComputeJwkThumbprint());
        return key;
    }

    private static string Sign(SecurityKey key, string algorithm, TestUser user, string issuer, string audience, DateTime expires)
    {
        var stamp = new JsonWebToken(user.AccessToken).GetClaim("sst").Value;
        var sid = new JsonWebToken(user.AccessToken).GetClaim("sid").Value;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddMinutes(-15),
            NotBefore = expires.AddMinutes(-15),
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, algorithm),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim("role", "user"),
                new Claim("sst", stamp),
                new Claim("sid", sid),
            ]),
        });
    }
}
