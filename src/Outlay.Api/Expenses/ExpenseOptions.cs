using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Expenses;

public sealed class ExpenseOptions
{
    public const string SectionName = "Outlay:Expenses";

    /// <summary>How long a deleted expense can be restored before it is purged for good.</summary>
    [Range(1, 3650)]
    public int RestoreDays { get; set; } = 30;

    /// <summary>How often the purge of expired deletions (and old idempotency keys) runs.</summary>
    [Range(1, 1440)]
    public int PurgeIntervalMinutes { get; set; } = 60;

    /// <summary>Largest CSV import accepted, in bytes.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long ImportMaxBytes { get; set; } = 10 * 1024 * 1024;
}
