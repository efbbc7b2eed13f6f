using Outlay.Api.Infrastructure;

namespace Outlay.Api.Sms;

/// <summary>
/// Ingest tokens are <c>osms_</c> plus 256 random bits in base64url. The prefix lets people (and secret
/// scanners) recognise one, and lets the API tell it from an access token without a database lookup.
/// </summary>
public static class SmsIngestTokens
{
    public const string Prefix = "osms_";

    public static (string Token, byte[] Hash) Generate() => OpaqueTokens.Create(Prefix);

    public static bool TryHash(string? presented, out byte[] hash) => OpaqueTokens.TryHash(presented, out hash, Prefix);
}
