using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Notifications;

public static class GetNotificationSettings
{
    public static async Task<NotificationSettingsResponse> HandleAsync(CurrentUser me, OutlayDbContext db, PhoneMessaging messaging, CancellationToken cancellationToken)
    {
        var preferences = await db.Set<NotificationPreferences>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == me.Id, cancellationToken);
        return NotificationSettingsResponse.From(preferences, messaging.Available());
    }
}
