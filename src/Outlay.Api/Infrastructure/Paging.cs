using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Outlay.Api.Infrastructure;

/// <summary>A keyset page: the items and an opaque cursor for the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>The contract's keyset paging: <c>limit</c> (default 50, max 200) and an opaque <c>cursor</c> holding the last sort key.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Reads <c>limit</c> and <c>cursor</c>; a validation problem naming the bad one otherwise.</summary>
    public static ValidationProblem? TryRead<TKey>(int? requestedLimit, string? cursor, out int limit, out TKey? after)
    {
        limit = requestedLimit ?? DefaultLimit;
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        if (!TryDecode(cursor, out after))
        {
            errors["cursor"] = ["Use the nextCursor of the previous page unchanged."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    public static string Encode<TKey>(TKey key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    /// <summary>False for a cursor we did not issue; an absent cursor is the first page.</summary>
    private static bool TryDecode<TKey>(string? cursor, out TKey? key)
    {
        key = default;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            key = JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor));
            return key is not null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>Builds the page from <paramref name="limit"/> + 1 rows: the extra row only says another page exists.</summary>
    public static Page<T> PageOf<T, TKey>(List<T> rows, int limit, Func<T, TKey> keyOf)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, Encode(keyOf(rows[^1])));
    }
}
