using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Outlay.Api.Sms;

/// <summary>Encrypts SMS bodies at rest with the app's Data Protection keys (kept in the data folder).</summary>
public sealed class SmsBodyProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "Outlay.Sms.Body";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string body) => protector.Protect(body);

    /// <summary>Null when the key that protected it is gone (a data folder restored without its keys).</summary>
    public string? Unprotect(string protectedBody)
    {
        try
        {
            return protector.Unprotect(protectedBody);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
