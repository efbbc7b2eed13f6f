using PhoneNumbers;

namespace Outlay.Api.Notifications;

/// <summary>Phone numbers as the providers want them: E.164, checked against the numbering plans.</summary>
public static class E164
{
    /// <summary>"+" and at most 15 digits.</summary>
    public const int MaxLength = 16;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 when it is a valid international number ("+" and country code), otherwise null.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || !input.TrimStart().StartsWith('+'))
        {
            return null;
        }

        try
        {
            var number = Util.Parse(input, null);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
