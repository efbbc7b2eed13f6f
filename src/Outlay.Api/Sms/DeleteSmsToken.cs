using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Sms;

public static class DeleteSmsToken
{
    public static async Task<Results<NoContent, NotFound>> HandleAsync(
        Guid id, CurrentUser me, OutlayDbContext db, ILogger<SmsIngestToken> logger, CancellationToken cancellationToken)
    {
        // The row goes, so the very next request with the token fails its lookup.
        var deleted = await db.SmsIngestTokens.Where(t => t.Id == id && t.UserId == me.Id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return TypedResults.NotFound();
        }

        SmsLog.TokenRevoked(logger, me.Id, id);
        return TypedResults.NoContent();
    }
}
