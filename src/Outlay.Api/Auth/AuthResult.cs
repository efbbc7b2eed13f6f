using Outlay.Api.Users;

namespace Outlay.Api.Auth;

/// <summary>What sign-up, sign-in and refresh answer. The refresh token travels only in the cookie.</summary>
public sealed record AuthResult(string AccessToken, string TokenType, int ExpiresIn, AuthUser User);

public sealed record AuthUser(Guid Id, string Email, string? DisplayName, string Role)
{
    public static AuthUser From(User user) => new(user.Id, user.Email, user.DisplayName, user.Role);
}
