namespace Outlay.Api.Auth.External;

/// <summary>A provider account (its issuer-scoped subject) linked to one of our users.</summary>
public sealed class ExternalLogin
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    /// <summary>The configured provider name, lower-cased.</summary>
    public required string Provider { get; set; }

    /// <summary>The provider's <c>sub</c>: stable for the account, unlike the email.</summary>
    public required string Subject { get; set; }

    /// <summary>The verified email the link was made with, kept for support and audit only.</summary>
    public string? Email { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
