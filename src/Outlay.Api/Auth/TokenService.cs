using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Outlay.Api.Users;

namespace Outlay.Api.Auth;

/// <summary>Issues the short-lived access tokens (JWTs) that every API call carries.</summary>
public sealed class TokenService(SigningKeyRing keys, IOptions<JwtOptions> jwt, IOptionsMonitor<AuthOptions> auth, TimeProvider clock)
{
    public const string SessionClaim = "sid";
    public const string SecurityStampClaim = "sst";
    public const string RoleClaim = "role";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public AccessToken IssueAccessToken(User user, Guid sessionId)
    {
        var now = clock.GetUtcNow();
        var lifetime = auth.CurrentValue.AccessTokenLifetime;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Value.Issuer,
            Audience = jwt.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = keys.SigningCredentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                new Claim(RoleClaim, user.Role),
                new Claim(SessionClaim, sessionId.ToString()),
                new Claim(SecurityStampClaim, user.SecurityStamp.ToString("N")),
            ]),
        });
        return new AccessToken(token, (int)lifetime.TotalSeconds);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = jwt.Value.Issuer,
        ValidAudience = jwt.Value.Audience,
        IssuerSigningKeys = keys.VerificationKeys,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromSeconds(auth.CurrentValue.ClockSkewSeconds),
        // On the server's clock, the one that stamped the token, rather than the library's own reading of the time.
        LifetimeValidator = IsWithinLifetime,
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = RoleClaim,
    };

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
            && expires is { } end && now - parameters.ClockSkew < end;
    }
}

public sealed record AccessToken(string Token, int ExpiresInSeconds);
