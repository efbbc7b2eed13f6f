using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Auth;

/// <summary>Access-token issuer, audience and signing keys (section <c>Outlay:Jwt</c>).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Outlay:Jwt";

    [Required]
    public string Issuer { get; set; } = "outlay";

    [Required]
    public string Audience { get; set; } = "outlay-api";

    /// <summary>
    /// PEM private keys (EC P-256 for ES256 or RSA for RS256). The first signs; all verify and are published
    /// in the JWKS, so a new key can be added first and an old one kept until its tokens expire.
    /// Empty: a development key is generated once under the data folder.
    /// </summary>
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];
}

public sealed class SigningKeyOptions
{
    /// <summary>The <c>kid</c>; defaults to the key's RFC 7638 thumbprint.</summary>
    public string? KeyId { get; set; }

    /// <summary>The private key in PEM; or give <see cref="PemFile"/>.</summary>
    public string? Pem { get; set; }

    public string? PemFile { get; set; }
}
