using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Sms;

public static class GetSmsSettings
{
    public static async Task<SmsSettingsResponse> HandleAsync(
        CurrentUser me, OutlayDbContext db, IOptions<SmsOptions> options, CancellationToken cancellationToken)
    {
        var deletesBodiesOnDisable = options.Value.DeleteBodiesOnDisable;
        return await db.SmsSettings.AsNoTracking().Where(s => s.UserId == me.Id)
                .Select(s => new SmsSettingsResponse(s.IsEnabled, s.ConsentedAt, s.KeepMessageBodies, deletesBodiesOnDisable))
                .SingleOrDefaultAsync(cancellationToken)
            ?? new SmsSettingsResponse(false, null, options.Value.KeepMessageBodiesByDefault, deletesBodiesOnDisable);
    }
}
