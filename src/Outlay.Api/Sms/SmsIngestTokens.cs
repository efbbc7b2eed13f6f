using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Outlay.Api.Sms;

/// <summary>
/// Ingest tokens are <c>osms_</c> plus 256 random bits in base64url. The prefix lets people (and secret
/// scanners) recognise one, and lets the API tell it from an access token without a database lookup.
/// </summary>
public static class SmsIngestTokens
{
    public const string Prefix = "osms_";

    // 32 bytes in unpadded base64url are exactly 43 characters.
    private const int SecretLength = 43;

    public static (string Token, byte[] Hash) Generate()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        return (Prefix + Base64UrlEncoder.Encode(secret), SHA256.HashData(secret));
    }

    public static bool LooksLikeToken(string? presented) =>
        presented is { Length: SecretLength + 5 } && presented.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool TryHash(string? presented, out byte[] hash)
    {
        hash = [];
        if (!LooksLikeToken(presented))
        {
            return false;
        }

        try
        {
            var secret = Base64UrlEncoder.DecodeBytes(presented![Prefix.Length..]);
            if (secret.Length != 32)
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
