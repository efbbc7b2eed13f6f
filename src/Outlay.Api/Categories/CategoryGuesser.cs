using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Categories.AutoCategorisation;
using Outlay.Api.Data;

namespace Outlay.Api.Categories;

/// <summary>
/// Picks a category for an expense entered without one: the category the user chose most often for
/// this merchant, then the operator's rules, then the built-in dictionary, otherwise Other.
/// </summary>
public sealed class CategoryGuesser(OutlayDbContext db, MerchantCategoriser categoriser, IOptionsMonitor<CategoryOptions> options)
{
    /// <summary>Loads what guessing needs for one user, once, for any number of expenses.</summary>
    public async Task<CategoryChooser> ForUserAsync(Guid userId, IReadOnlyCollection<string> merchantKeys, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.NormalizedName })
            .ToDictionaryAsync(c => c.NormalizedName, c => c.Id, cancellationToken);

        var keys = merchantKeys.Where(k => k.Length > 0).Distinct().ToList();
        var history = new Dictionary<string, Guid>();
        if (keys.Count > 0)
        {
            var chosen = db.Expenses.AsNoTracking().Where(e => e.UserId == userId && e.CategoryChosenByUser && e.MerchantKey != null);
            // A long import asks about many merchants at once: fetch the whole history rather than a huge IN list.
            if (keys.Count <= 200)
            {
                chosen = chosen.Where(e => keys.Contains(e.MerchantKey!));
            }

            var counts = await chosen
                .GroupBy(e => new { e.MerchantKey, e.CategoryId })
                .Select(g => new { g.Key.MerchantKey, g.Key.CategoryId, Count = g.Count(), Latest = g.Max(e => e.UpdatedAt) })
                .ToListAsync(cancellationToken);
            foreach (var merchant in counts.GroupBy(c => c.MerchantKey!))
            {
                history[merchant.Key] = merchant.OrderByDescending(c => c.Count).ThenByDescending(c => c.Latest).First().CategoryId;
            }
        }

        return new CategoryChooser(categories, history, categoriser, options.CurrentValue.Rules);
    }
}

public sealed class CategoryChooser(
    IReadOnlyDictionary<string, Guid> categoriesByName,
    IReadOnlyDictionary<string, Guid> history,
    MerchantCategoriser categoriser,
    IReadOnlyList<CategoryRule> rules)
{
    /// <summary>The category id, or null when the user has no category to fall back on (they deleted Other).</summary>
    public Guid? Choose(string? merchant, string? note)
    {
        var key = MerchantNormaliser.Normalise(merchant);
        if (key.Length > 0 && history.TryGetValue(key, out var remembered))
        {
            return remembered;
        }

        var guessed = categoriser.Guess(merchant, note, rules);
        if (guessed is not null && categoriesByName.TryGetValue(Category.Normalize(guessed), out var id))
        {
            return id;
        }

        return categoriesByName.TryGetValue(Category.Normalize(DefaultCategoryNames.Other), out var other) ? other : null;
    }
}
