using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Sms;

public static class ListSmsTokens
{
    public static async Task<List<SmsTokenResponse>> HandleAsync(CurrentUser me, OutlayDbContext db, CancellationToken cancellationToken) =>
        await db.SmsIngestTokens.AsNoTracking()
            .Where(t => t.UserId == me.Id)
            .OrderBy(t => t.Id)
            .Select(t => new SmsTokenResponse(t.Id, t.Name, t.CreatedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);
}
