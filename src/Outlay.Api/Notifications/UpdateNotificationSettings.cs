using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Channels;
using Outlay.Api.Notifications.Scheduling;

namespace Outlay.Api.Notifications;

public sealed record PhoneChannelRequest(bool Enabled);

public sealed record QuietHoursRequest(string? From, string? To);

public sealed record RemindersRequest(string? Daily);

/// <summary>
/// The whole settings document except the phone numbers, which only a confirmed verification sets. A kind
/// left out keeps the feed only; the feed is always one of a kind's channels.
/// </summary>
public sealed record UpdateNotificationSettingsRequest(
    IReadOnlyDictionary<string, PhoneChannelRequest>? Channels,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Kinds,
    RemindersRequest? Reminders,
    QuietHoursRequest? QuietHours);

public static class UpdateNotificationSettings
{
    public static async Task<Results<Ok<NotificationSettingsResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        UpdateNotificationSettingsRequest request, CurrentUser me, OutlayDbContext db, PhoneMessaging messaging, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var available = messaging.Available();
        var kinds = new Dictionary<string, List<string>>();
        foreach (var (kind, channels) in request.Kinds ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (!NotificationKinds.Routable.Contains(kind))
            {
                errors[$"kinds.{kind}"] = [$"'{kind}' is not a notification kind. Known: {string.Join(", ", NotificationKinds.Routable)}."];
            }
            else if (channels.FirstOrDefault(c => !available.Contains(c)) is { } unknown)
            {
                errors[$"kinds.{kind}"] = [$"'{unknown}' is not a channel this server can deliver on. Available: {string.Join(", ", available)}."];
            }
            else
            {
                kinds[kind] = [NotificationChannels.InApp, .. channels.Where(c => c != NotificationChannels.InApp).Distinct()];
            }
        }

        TimeOnly? daily = null;
        if (request.Reminders?.Daily is { } dailyText)
        {
            if (LocalTimes.TryParse(dailyText, out var parsed))
            {
                daily = parsed;
            }
            else
            {
                errors["reminders.daily"] = ["Give the time as HH:mm (24-hour), or null for no reminder."];
            }
        }

        (TimeOnly From, TimeOnly To)? quiet = null;
        if (request.QuietHours is { } hours)
        {
            if (LocalTimes.TryParse(hours.From, out var from) && LocalTimes.TryParse(hours.To, out var to) && from != to)
            {
                quiet = (from, to);
            }
            else
            {
                errors["quietHours"] = ["Give from and to as different HH:mm times (22:00 to 07:00 spans midnight), or null for none."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var preferences = await NotificationPreferences.FindOrAddAsync(db, me.Id, cancellationToken);

        var sms = request.Channels?.GetValueOrDefault(NotificationChannels.Sms)?.Enabled ?? preferences.SmsEnabled;
        var whatsApp = request.Channels?.GetValueOrDefault(NotificationChannels.WhatsApp)?.Enabled ?? preferences.WhatsAppEnabled;
        foreach (var (channel, enabled) in new[] { (NotificationChannels.Sms, sms), (NotificationChannels.WhatsApp, whatsApp) })
        {
            if (enabled && preferences.PhoneFor(channel) is null)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: $"Verify a phone number for {channel} first.",
                    detail: "POST /api/v1/me/notification-settings/verification sends a code to the number; confirming it enables nothing by itself.");
            }

            if (enabled && !available.Contains(channel))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"This server has no provider for {channel}.");
            }
        }

        preferences.SmsEnabled = sms;
        preferences.WhatsAppEnabled = whatsApp;
        preferences.KindsJson = JsonSerializer.Serialize(kinds);
        if (preferences.DailyReminderAt != daily)
        {
            preferences.DailyReminderAt = daily;
            preferences.NextDailyReminderAt = daily is { } at ? DailyReminderSchedule.FirstAfter(clock.GetUtcNow(), at, await ZoneAsync(db, me.Id, cancellationToken)) : null;
        }

        preferences.QuietFrom = quiet?.From;
        preferences.QuietTo = quiet?.To;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NotificationSettingsResponse.From(preferences, available));
    }

    private static async Task<TimeZoneInfo> ZoneAsync(OutlayDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var id = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleAsync(cancellationToken);
        return Reports.ReportPeriod.Zone(id);
    }
}
