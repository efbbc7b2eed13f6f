using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

internal static class FieldGroup
{
    /// <summary>The group named after the field, else the first group, else the whole match.</summary>
    public static Group Of(Match match, string field)
    {
        var named = match.Groups[field];
        if (named.Success)
        {
            return named;
        }

        return match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1] : match.Groups[0];
    }
}
