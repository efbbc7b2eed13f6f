using Outlay.Api.Infrastructure;

namespace Outlay.Api.Expenses;

/// <summary>
/// Everything cached from a user's expenses (reports, insights, budget status) is tagged with this,
/// so one call after any write drops it on every instance.
/// </summary>
public sealed class ExpenseCache(CacheInvalidator invalidator)
{
    public static string TagFor(Guid userId) => $"expenses:{userId:N}";

    public Task ChangedAsync(Guid userId, CancellationToken cancellationToken) =>
        invalidator.RemoveByTagAsync(TagFor(userId), cancellationToken);
}
