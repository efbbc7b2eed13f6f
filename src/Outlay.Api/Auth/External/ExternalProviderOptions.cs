using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Auth.External;

/// <summary>
/// One OpenID Connect provider people may sign in with (section <c>Outlay:Auth:External:Providers:{name}</c>).
/// The name is the provider's id in URLs (<c>/api/v1/auth/external/{name}</c>) and in stored links.
/// </summary>
public sealed class ExternalProviderOptions
{
    public const string SectionName = "Outlay:Auth:External:Providers";

    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "email", "profile"];

    /// <summary>The button label in the web app; the provider's name when empty.</summary>
    [StringLength(60)]
    public string? DisplayName { get; set; }

    /// <summary>The issuer URL; its <c>/.well-known/openid-configuration</c> describes the provider.</summary>
    [Required, Url]
    public string Authority { get; set; } = string.Empty;

    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Empty for a public client, which then relies on PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Requested scopes; empty means openid, email and profile. openid is always requested.</summary>
    public List<string> Scopes { get; set; } = [];

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Also read claims (email, email_verified, name) from the userinfo endpoint, for providers that keep them out of the id_token.</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    // The binder appends to a list that already has items, so defaults are applied here rather than in the initialiser.
    public IReadOnlyList<string> EffectiveScopes =>
        ["openid", .. (Scopes.Count > 0 ? Scopes : DefaultScopes)
            .SelectMany(scope => scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(scope => scope != "openid")
            .Distinct(StringComparer.Ordinal)];
}
