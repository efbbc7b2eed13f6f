using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Outlay.Api.Data;

namespace Outlay.Api.Sms;

/// <summary>
/// The scheme of <c>POST /api/v1/sms</c> and nothing else: it accepts only ingest tokens (never access tokens),
/// from <c>Authorization: Bearer osms_...</c> or, for apps that cannot set headers, the <c>{token}</c> path segment.
/// Every other endpoint authenticates with the default JwtBearer scheme, which cannot read an ingest token.
/// </summary>
public sealed class SmsIngestAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, OutlayDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SmsIngestToken";
    public const string Policy = "sms-ingest";
    public const string TokenIdClaim = "sms_token";
    public const string PathTokenRouteValue = "token";
    public const string RedactedPath = "/api/v1/sms/ingest/[redacted]";

    // Writing last-used on every SMS would turn each ingestion into two writes; a minute's precision is plenty.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = FromHeader() ?? FromPath();
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!SmsIngestTokens.TryHash(presented, out var hash))
        {
            return AuthenticateResult.Fail("Not an SMS ingest token.");
        }

        var cancellationToken = Context.RequestAborted;
        var token = await db.SmsIngestTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Users.Where(u => !u.IsDisabled), t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.UserId, t.LastUsedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (token is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked SMS ingest token.");
        }

        var now = clock.GetUtcNow();
        if (token.LastUsedAt is null || token.LastUsedAt < now - LastUsedPrecision)
        {
            var staleBefore = now - LastUsedPrecision;
            await db.SmsIngestTokens
                .Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < staleBefore))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        var identity = new ClaimsIdentity(
            [new Claim(JwtRegisteredClaimNames.Sub, token.UserId.ToString()), new Claim(TokenIdClaim, token.Id.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }

    private string? FromHeader()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private string? FromPath()
    {
        if (Request.RouteValues[PathTokenRouteValue] is not string token)
        {
            return null;
        }

        // The path now holds a secret. Anything that later reads it (an error log, a problem body) sees this instead.
        Request.RouteValues[PathTokenRouteValue] = null;
        Request.Path = RedactedPath;
        return token;
    }
}
