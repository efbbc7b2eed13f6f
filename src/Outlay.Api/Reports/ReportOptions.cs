using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Caching.Hybrid;

namespace Outlay.Api.Reports;

public sealed class ReportOptions
{
    public const string SectionName = "Outlay:Reports";

    /// <summary>How long a computed report is kept (any write to the user's expenses drops it sooner); 0 turns caching off.</summary>
    [Range(0, 24 * 60)]
    public int CacheMinutes { get; set; } = 30;

    public HybridCacheEntryOptions Entry => CacheMinutes == 0
        ? new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableDistributedCache }
        : new HybridCacheEntryOptions
        {
            Expiration = TimeSpan.FromMinutes(CacheMinutes),
            LocalCacheExpiration = TimeSpan.FromMinutes(Math.Min(CacheMinutes, 10)),
        };
}
