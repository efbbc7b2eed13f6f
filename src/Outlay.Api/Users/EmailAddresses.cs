using System.Net.Mail;

namespace Outlay.Api.Users;

public static class EmailAddresses
{
    public const int MaxLength = 254;

    /// <summary>The form emails are stored and compared in: trimmed and lower-cased.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength || email.Any(char.IsWhiteSpace) || email.Any(char.IsControl))
        {
            return false;
        }

        return MailAddress.TryCreate(email, out var address)
            && address.Address == email
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
    }
}
