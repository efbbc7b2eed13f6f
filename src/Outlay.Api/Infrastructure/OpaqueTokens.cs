using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Outlay.Api.Infrastructure;

/// <summary>
/// Bearer secrets we issue and later recognise (refresh tokens, SMS ingest tokens): an optional
/// prefix plus 256 random bits in unpadded base64url. Only the SHA-256 of the secret is ever stored.
/// </summary>
public static class OpaqueTokens
{
    private const int SecretBytes = 32;

    // 32 bytes in unpadded base64url are exactly 43 characters.
    private const int EncodedLength = 43;

    public static (string Token, byte[] Hash) Create(string prefix = "")
    {
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        return (prefix + Base64UrlEncoder.Encode(secret), SHA256.HashData(secret));
    }

    /// <summary>True when <paramref name="presented"/> has the shape of a token with this prefix.</summary>
    public static bool HasShape(string? presented, string prefix = "") =>
        presented is not null && presented.Length == prefix.Length + EncodedLength && presented.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>The stored hash of a presented token; false for anything we could never have issued.</summary>
    public static bool TryHash(string? presented, out byte[] hash, string prefix = "")
    {
        hash = [];
        if (!HasShape(presented, prefix))
        {
            return false;
        }

        try
        {
            var secret = Base64UrlEncoder.DecodeBytes(presented![prefix.Length..]);
            if (secret.Length != SecretBytes)
            {
                return false;
            }

            hash = SHA256.HashData(secret);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
