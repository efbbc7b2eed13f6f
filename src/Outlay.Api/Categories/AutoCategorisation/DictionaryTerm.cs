namespace Outlay.Api.Categories.AutoCategorisation;

internal enum TermShape
{
    Words,
    WordPrefix,
    WordSuffix,
}

internal sealed record DictionaryTerm(string Key, string[] Words, TermShape Shape, string Category, int Priority)
{
    public static DictionaryTerm Parse(string text, string category, int priority)
    {
        var shape = text.EndsWith('*') ? TermShape.WordPrefix
            : text.StartsWith('*') ? TermShape.WordSuffix
            : TermShape.Words;
        var normalised = MerchantNormaliser.Normalise(text.Trim('*'));
        var words = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || (shape != TermShape.Words && words.Length != 1))
        {
            throw new InvalidDataException(
                $"The merchant dictionary term '{text}' normalises to '{normalised}', which cannot be matched.");
        }

        var key = shape switch
        {
            TermShape.WordPrefix => normalised + "*",
            TermShape.WordSuffix => "*" + normalised,
            _ => normalised,
        };
        return new DictionaryTerm(key, words, shape, category, priority);
    }

    public bool MatchesAt(IReadOnlyList<string> words, int start)
    {
        if (start + Words.Length > words.Count)
        {
            return false;
        }

        for (var i = 0; i < Words.Length; i++)
        {
            if (!string.Equals(words[start + i], Words[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private int LetterCount { get; } = Words.Sum(word => word.Length);

    public DictionaryMatch ToMatch(int position) =>
        new(Category, Priority, Words.Length, LetterCount, position, Key);
}
