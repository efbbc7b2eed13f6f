using System.Globalization;
using Outlay.Api.Users;

namespace Outlay.Api.Expenses;

/// <summary>Currency-aware amount rules, shared by every way an expense comes in.</summary>
public static class Money
{
    /// <summary>Large enough for any real expense in any currency, small enough for every database column.</summary>
    public const decimal MaxAmount = 999_999_999_999m;

    /// <summary>Null when <paramref name="amount"/> is a valid expense amount in <paramref name="currency"/>, else why not.</summary>
    public static string? Check(decimal amount, string currency)
    {
        if (amount <= 0)
        {
            return "The amount must be greater than zero.";
        }

        if (amount > MaxAmount)
        {
            return $"The amount must be at most {MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}.";
        }

        var digits = Currencies.MinorUnitOf(currency);
        if (decimal.Round(amount, digits) != amount)
        {
            return digits == 0
                ? $"{currency} amounts have no decimals."
                : $"{currency} amounts have at most {digits} decimals.";
        }

        return null;
    }

    /// <summary>The amount written with exactly the currency's minor-unit digits ("12.50", "1250", "1.250").</summary>
    public static decimal ToMinorUnits(decimal amount, string currency)
    {
        var digits = Currencies.IsKnown(currency) ? Currencies.MinorUnitOf(currency) : 2;
        return decimal.Parse(decimal.Round(amount, digits).ToString("F" + digits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Money in a sentence: "1,234.50 USD".</summary>
    public static string Text(decimal amount, string currency)
    {
        var digits = Currencies.IsKnown(currency) ? Currencies.MinorUnitOf(currency) : 2;
        return $"{ToMinorUnits(amount, currency).ToString("#,0." + new string('0', digits), CultureInfo.InvariantCulture).TrimEnd('.')} {currency}";
    }
}
