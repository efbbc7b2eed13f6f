using System.Text.Json;

namespace Outlay.Api.Categories.AutoCategorisation;

/// <summary>
/// Brand names, legal entities and generic keywords with the category they point to, indexed by
/// their first word. Terms are normalised like descriptors, so a term matches a run of whole words
/// of a merchant key. A term ending in '*' matches the start of a word ("pharma*"), one starting
/// with '*' the end of a word ("*apotheke"), for compound words.
/// </summary>
public sealed class MerchantDictionary
{
    private static readonly Lazy<MerchantDictionary> BuiltInDictionary =
        new(() => Load(EmbeddedDataFile.Open("merchant-dictionary.json")));

    private readonly Dictionary<string, List<DictionaryTerm>> termsByFirstWord;
    private readonly DictionaryTerm[] wordPrefixTerms;
    private readonly DictionaryTerm[] wordSuffixTerms;

    private MerchantDictionary(IReadOnlyCollection<DictionaryTerm> terms)
    {
        termsByFirstWord = terms.Where(term => term.Shape == TermShape.Words)
            .GroupBy(term => term.Words[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        wordPrefixTerms = [.. terms.Where(term => term.Shape == TermShape.WordPrefix)];
        wordSuffixTerms = [.. terms.Where(term => term.Shape == TermShape.WordSuffix)];
        TermCount = terms.Count;
    }

    public static MerchantDictionary BuiltIn => BuiltInDictionary.Value;

    public int TermCount { get; }

    public static MerchantDictionary Load(Stream json)
    {
        var document = JsonSerializer.Deserialize(json, AutoCategorisationJsonContext.Default.MerchantDictionaryDocument)
            ?? throw new InvalidDataException("The merchant dictionary is empty.");

        var terms = new Dictionary<string, DictionaryTerm>(StringComparer.Ordinal);
        foreach (var group in document.Groups)
        {
            if (!DefaultCategoryNames.IsDefault(group.Category))
            {
                throw new InvalidDataException($"The merchant dictionary names an unknown category '{group.Category}'.");
            }

            foreach (var text in group.Terms)
            {
                var term = DictionaryTerm.Parse(text, group.Category, group.Priority);
                if (!terms.TryAdd(term.Key, term))
                {
                    throw new InvalidDataException(
                        $"The merchant dictionary lists '{text}' twice (as '{term.Key}'); a term belongs to one category.");
                }
            }
        }

        return new MerchantDictionary(terms.Values);
    }

    public DictionaryMatch? FindBest(IReadOnlyList<string> words, int firstPosition = 0)
    {
        DictionaryMatch? best = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (termsByFirstWord.TryGetValue(words[i], out var candidates))
            {
                foreach (var term in candidates)
                {
                    if (term.MatchesAt(words, i))
                    {
                        best = DictionaryMatch.Better(best, term.ToMatch(firstPosition + i));
                    }
                }
            }

            foreach (var term in wordPrefixTerms)
            {
                if (words[i].StartsWith(term.Words[0], StringComparison.Ordinal))
                {
                    best = DictionaryMatch.Better(best, term.ToMatch(firstPosition + i));
                }
            }

            foreach (var term in wordSuffixTerms)
            {
                if (words[i].EndsWith(term.Words[0], StringComparison.Ordinal))
                {
                    best = DictionaryMatch.Better(best, term.ToMatch(firstPosition + i));
                }
            }
        }

        return best;
    }
}
