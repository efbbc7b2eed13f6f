using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Outlay.Api.Auth;

/// <summary>Who is calling, read once from the validated access token.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id)
        ? id
        : throw new InvalidOperationException("No signed-in user on this request.");

    public Guid? SessionId => Guid.TryParse(Principal.FindFirstValue(TokenService.SessionClaim), out var sid) ? sid : null;
}
