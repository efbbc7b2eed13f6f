using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Notifications;

/// <summary>A user's notification settings: one row per user, absent until they first change something.</summary>
public sealed class NotificationPreferences
{
    public Guid UserId { get; set; }

    /// <summary>E.164, set only by a confirmed verification.</summary>
    public string? SmsPhone { get; set; }

    public bool SmsEnabled { get; set; }

    public string? WhatsAppPhone { get; set; }

    public bool WhatsAppEnabled { get; set; }

    /// <summary>Kind → channels, as a JSON object; kinds it does not name go to the feed only.</summary>
    public string KindsJson { get; set; } = "{}";

    /// <summary>The local time of the daily "log today's spending" reminder; null for none.</summary>
    public TimeOnly? DailyReminderAt { get; set; }

    /// <summary>When the reminder scheduler next looks at this user (an index keeps the look-up cheap); null without a reminder.</summary>
    public DateTimeOffset? NextDailyReminderAt { get; set; }

    /// <summary>The user's local day of the last reminder sent: at most one a day, even when the time is changed.</summary>
    public DateOnly? LastDailyReminderOn { get; set; }

    public TimeOnly? QuietFrom { get; set; }

    public TimeOnly? QuietTo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? PhoneFor(string channel) => channel == NotificationChannels.Sms ? SmsPhone : WhatsAppPhone;

    public bool IsEnabled(string channel) => channel == NotificationChannels.Sms ? SmsEnabled : channel == NotificationChannels.WhatsApp && WhatsAppEnabled;

    /// <summary>The user's tracked row, added to the unit of work when they have none yet.</summary>
    public static async Task<NotificationPreferences> FindOrAddAsync(OutlayDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var preferences = await db.Set<NotificationPreferences>().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preferences is null)
        {
            preferences = new NotificationPreferences { UserId = userId };
            db.Add(preferences);
        }

        return preferences;
    }

    public void Verified(string channel, string phone)
    {
        if (channel == NotificationChannels.Sms)
        {
            SmsPhone = phone;
        }
        else
        {
            WhatsAppPhone = phone;
        }
    }
}
