namespace Outlay.Web.E2E.Infrastructure;

/// <summary>A person's credentials; every test makes its own, so tests never share data.</summary>
public sealed record Account(string Email, string Password, string DisplayName)
{
    public const string StrongPassword = "correct horse battery staple 42";

    public static Account New(string displayName = "Test User") =>
        new($"user-{Guid.NewGuid():N}@example.test", StrongPassword, displayName);

    public object SignUpBody => new { email = Email, password = Password, displayName = DisplayName };
}
