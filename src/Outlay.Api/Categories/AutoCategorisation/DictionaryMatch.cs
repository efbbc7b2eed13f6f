namespace Outlay.Api.Categories.AutoCategorisation;

/// <summary>
/// One dictionary term found in a descriptor. Between two matches the higher priority wins, then
/// the term with more words, then the longer one, then the later one: the descriptor after a brand
/// (UBER *EATS, COSTCO GAS, MICROSOFT*XBOX) says more than the brand.
/// </summary>
public sealed record DictionaryMatch(string Category, int Priority, int WordCount, int Length, int Position, string Term)
{
    public static DictionaryMatch Better(DictionaryMatch? current, DictionaryMatch candidate) =>
        current is null || candidate.Ranks(current) > 0 ? candidate : current;

    private int Ranks(DictionaryMatch other) =>
        Priority != other.Priority ? Priority.CompareTo(other.Priority)
        : WordCount != other.WordCount ? WordCount.CompareTo(other.WordCount)
        : Length != other.Length ? Length.CompareTo(other.Length)
        : Position.CompareTo(other.Position);
}
