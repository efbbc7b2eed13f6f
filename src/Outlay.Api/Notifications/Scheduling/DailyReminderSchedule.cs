namespace Outlay.Api.Notifications.Scheduling;

/// <summary>When a daily reminder at a local time of day falls, in the user's time zone, across daylight-saving changes.</summary>
public static class DailyReminderSchedule
{
    /// <summary>The reminder's instant on <paramref name="day"/> (see <see cref="LocalTimes.ToInstant"/> for gaps and repeats).</summary>
    public static DateTimeOffset On(DateOnly day, TimeOnly at, TimeZoneInfo zone) => LocalTimes.ToInstant(day.ToDateTime(at), zone);

    /// <summary>The first reminder instant after <paramref name="now"/>: today's if it is still to come, else tomorrow's.</summary>
    public static DateTimeOffset FirstAfter(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var todays = On(today, at, zone);
        return todays > now ? todays : On(today.AddDays(1), at, zone);
    }
}
