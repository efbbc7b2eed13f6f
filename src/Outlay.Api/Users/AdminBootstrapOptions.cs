namespace Outlay.Api.Users;

/// <summary>How the first admin comes to be (section <c>Outlay:Admin</c>).</summary>
public sealed class AdminBootstrapOptions
{
    public const string SectionName = "Outlay:Admin";

    /// <summary>
    /// While the server has no active admin, the account with this email becomes admin: when it signs up, or at
    /// start-up if it already exists. Without it, a one-time bootstrap token is written to the log instead.
    /// </summary>
    public string? BootstrapEmail { get; set; }

    public bool IsValid => NormalizedBootstrapEmail is null || EmailAddresses.IsValid(NormalizedBootstrapEmail);

    public string? NormalizedBootstrapEmail =>
        string.IsNullOrWhiteSpace(BootstrapEmail) ? null : EmailAddresses.Normalize(BootstrapEmail);
}
