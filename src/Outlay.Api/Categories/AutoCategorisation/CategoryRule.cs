using System.Text.RegularExpressions;

namespace Outlay.Api.Categories.AutoCategorisation;

/// <summary>
/// An admin-defined rule from the dynamic configuration: a merchant whose normalised key contains
/// <see cref="Keyword"/> as whole words, or whose raw text matches the regular expression
/// <see cref="Pattern"/> (case-insensitive), goes to <see cref="Category"/>. A rule also looks at
/// the note. Set exactly one of Keyword and Pattern.
/// </summary>
public sealed record CategoryRule(string Category, string? Keyword = null, string? Pattern = null)
{
    public const int MaxCategoryLength = 40;

    /// <summary>Returns null when the rule can be used, otherwise a message saying what is wrong with it.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Category) || Category.Length > MaxCategoryLength)
        {
            return $"A rule needs a category name of 1 to {MaxCategoryLength} characters.";
        }

        if (string.IsNullOrWhiteSpace(Keyword) == string.IsNullOrWhiteSpace(Pattern))
        {
            return "A rule needs either a keyword or a pattern, not both.";
        }

        if (!string.IsNullOrWhiteSpace(Keyword) && MerchantNormaliser.Normalise(Keyword).Length == 0)
        {
            return $"The keyword '{Keyword}' has no letters or digits to match.";
        }

        if (!string.IsNullOrWhiteSpace(Pattern) && !CompiledRuleParts.TryCompile(Pattern, out var error))
        {
            return $"The pattern '{Pattern}' is not a valid regular expression: {error}";
        }

        return null;
    }

    internal bool Matches(string merchant, string merchantKey, string note, string noteKey)
    {
        if (!string.IsNullOrWhiteSpace(Keyword))
        {
            var keyword = CompiledRuleParts.NormalisedKeyword(Keyword);
            return ContainsWords(merchantKey, keyword) || ContainsWords(noteKey, keyword);
        }

        var pattern = string.IsNullOrWhiteSpace(Pattern) ? null : CompiledRuleParts.Pattern(Pattern);
        return pattern is not null && (IsMatch(pattern, merchant) || IsMatch(pattern, note));
    }

    private static bool ContainsWords(string key, string words) =>
        words.Length > 0 && key.Length >= words.Length
        && $" {key} ".Contains($" {words} ", StringComparison.Ordinal);

    // An admin's pattern may backtrack badly on some descriptor; that one charge is left to the
    // dictionary instead of failing the import.
    private static bool IsMatch(Regex pattern, string text)
    {
        try
        {
            return text.Length > 0 && pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
