using Microsoft.Net.Http.Headers;

namespace Outlay.Api.Expenses;

/// <summary>The expense's version as a strong entity tag, and the If-Match check against it.</summary>
public static class ExpenseETag
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>True when the request has no If-Match, or one of its tags (or *) matches the current version.</summary>
    public static bool Matches(HttpRequest request, int version)
    {
        var ifMatch = request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0)
        {
            return true;
        }

        var current = new EntityTagHeaderValue(For(version));
        return ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: true));
    }
}
