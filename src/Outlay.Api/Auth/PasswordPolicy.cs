using System.Text;
using Microsoft.Extensions.Options;

namespace Outlay.Api.Auth;

/// <summary>8–72 UTF-8 bytes (bcrypt ignores anything past 72) and not too guessable, as zxcvbn rates it.</summary>
public sealed class PasswordPolicy(IOptionsMonitor<AuthOptions> auth)
{
    public const int MinBytes = 8;
    public const int MaxBytes = 72;

    /// <summary>Null when acceptable, else the reason in words.</summary>
    public string? Check(string? password, params string?[] personalInputs)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "A password is required.";
        }

        var bytes = Encoding.UTF8.GetByteCount(password);
        if (bytes < MinBytes)
        {
            return $"The password must be at least {MinBytes} characters.";
        }

        if (bytes > MaxBytes)
        {
            return $"The password must be at most {MaxBytes} bytes in UTF-8 (fewer characters when they are not plain letters).";
        }

        var inputs = personalInputs.Where(i => !string.IsNullOrWhiteSpace(i))
            .SelectMany(i => new[] { i!, i!.Split('@')[0] })
            .ToList();
        if (inputs.Any(i => string.Equals(i, password, StringComparison.OrdinalIgnoreCase)))
        {
            return "The password must not be your email address or name.";
        }

        var result = global::Zxcvbn.Zxcvbn.MatchPassword(password, inputs);
        if (result.Score < auth.CurrentValue.MinPasswordScore)
        {
            return "The password is too easy to guess (a common password, a name or a simple pattern). Use a longer phrase of unrelated words.";
        }

        return null;
    }
}
