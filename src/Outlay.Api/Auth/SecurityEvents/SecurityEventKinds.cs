namespace Outlay.Api.Auth.SecurityEvents;

public static class SecurityEventKinds
{
    public const string SignedIn = "signedIn";
    public const string SignInFailed = "signInFailed";
    public const string LockedOut = "lockedOut";
    public const string TokenReuse = "tokenReuse";
    public const string SignedOut = "signedOut";
    public const string SignedOutEverywhere = "signedOutEverywhere";
    public const string SessionRevoked = "sessionRevoked";
    public const string PasswordChanged = "passwordChanged";
    public const string RoleChanged = "roleChanged";
    public const string Disabled = "disabled";
    public const string Enabled = "enabled";
}
