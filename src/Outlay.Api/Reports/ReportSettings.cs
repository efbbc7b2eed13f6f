using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;
using Outlay.Api.Users;

namespace Outlay.Api.Reports;

/// <summary>The user settings every report depends on; part of each cache key, so changing them needs no invalidation.</summary>
public sealed record ReportSettings(string TimeZone, string Currency, WeekStart WeekStart, int MonthStartDay)
{
    public string CacheKey => $"{TimeZone}:{Currency}:{WeekStart}:{MonthStartDay}";

    public static Task<ReportSettings?> LoadAsync(OutlayDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new ReportSettings(u.TimeZone, u.Currency, u.WeekStart, u.MonthStartDay))
            .SingleOrDefaultAsync(cancellationToken);
}
