using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Outlay.Api.Categories.AutoCategorisation;

/// <summary>
/// Rules arrive with every guess (they come from the dynamic configuration), so their regular
/// expressions and normalised keywords are built once per distinct text and reused.
/// </summary>
internal static class CompiledRuleParts
{
    private const int MaxCachedEntries = 2048;
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Keywords = new(StringComparer.Ordinal);

    public static Regex? Pattern(string pattern) => Cached(Patterns, pattern, Compile);

    public static string NormalisedKeyword(string keyword) => Cached(Keywords, keyword, MerchantNormaliser.Normalise);

    public static bool TryCompile(string pattern, out string error)
    {
        try
        {
            _ = new Regex(pattern, Options, MatchTimeout);
            error = "";
            return true;
        }
        catch (ArgumentException exception)
        {
            error = exception.Message;
            return false;
        }
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, Options, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static TValue Cached<TValue>(ConcurrentDictionary<string, TValue> cache, string key, Func<string, TValue> create)
    {
        if (cache.TryGetValue(key, out var value))
        {
            return value;
        }

        // Rules are edited rarely, but never let edits grow the cache without bound.
        if (cache.Count >= MaxCachedEntries)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(key, create);
    }
}
