namespace Outlay.Api.Categories.AutoCategorisation;

/// <summary>
/// Guesses the default category of a charge from its merchant text, the note and, when the bank
/// export has one, the merchant category code. The caller consults the user's own history (keyed
/// by <see cref="MerchantNormaliser.Normalise"/>) before this and turns null into "Other".
/// </summary>
public sealed class MerchantCategoriser(MerchantDictionary dictionary, MccCategories mccCategories)
{
    public MerchantCategoriser()
        : this(MerchantDictionary.BuiltIn, MccCategories.BuiltIn)
    {
    }

    /// <summary>
    /// Admin rules first (in list order), then the built-in dictionary, then the MCC. Returns the
    /// rule's category, one of <see cref="DefaultCategoryNames.All"/>, or null when nothing matched.
    /// </summary>
    public string? Guess(string? merchant, string? note, IReadOnlyList<CategoryRule> rules, string? mcc = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        merchant ??= "";
        note ??= "";
        var merchantKey = MerchantNormaliser.Normalise(merchant);
        var noteKey = MerchantNormaliser.Normalise(note);

        foreach (var rule in rules)
        {
            if (rule.Matches(merchant, merchantKey, note, noteKey))
            {
                return rule.Category;
            }
        }

        return FindInDictionary(merchantKey, noteKey)?.Category ?? mccCategories.Find(mcc);
    }

    /// <summary>The dictionary term that decides, for explaining a guess; the note counts as words after the merchant.</summary>
    public DictionaryMatch? FindInDictionary(string merchantKey, string noteKey)
    {
        var merchantWords = SplitWords(merchantKey);
        var fromMerchant = dictionary.FindBest(merchantWords);
        var fromNote = dictionary.FindBest(SplitWords(noteKey), merchantWords.Length + 1);
        return fromMerchant is null ? fromNote
            : fromNote is null ? fromMerchant
            : DictionaryMatch.Better(fromMerchant, fromNote);
    }

    private static string[] SplitWords(string key) =>
        key.Length == 0 ? [] : key.Split(' ');
}
