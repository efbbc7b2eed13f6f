using System.Security.Cryptography;
using System.Text;

namespace Outlay.Api.Notifications;

/// <summary>Six-digit codes from a cryptographic generator, kept only as a hash tied to the user and channel.</summary>
public static class PhoneVerificationCodes
{
    /// <summary>The template that carries a code where free text cannot (a first WhatsApp message); its one parameter is the code.</summary>
    public const string TemplateKind = "phoneVerification";

    public static string New() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Hash(Guid userId, string channel, string code) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{channel}:{code}"));

    public static bool Matches(PhoneVerification verification, Guid userId, string code) =>
        CryptographicOperations.FixedTimeEquals(verification.CodeHash, Hash(userId, verification.Channel, code));
}
