using System.Security.Cryptography;
using System.Text;

namespace Outlay.Api.Notifications.Channels;

/// <summary>
/// Meta's webhook signature: <c>X-Hub-Signature-256: sha256=</c> and the hex HMAC-SHA256 of the raw body keyed with
/// the app secret, compared in constant time. It covers the bytes as sent, so it is checked before anything parses them.
/// </summary>
public static class MetaSignature
{
    private const string Prefix = "sha256=";

    public static bool IsValid(string appSecret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body), given);
    }
}
