namespace Outlay.Api.Notifications;

/// <summary>A user's quiet hours: a message due inside them waits until they end, in the user's own time zone.</summary>
public static class QuietHours
{
    /// <summary>
    /// <paramref name="now"/> when it is outside the quiet hours, otherwise the instant they end. A span whose
    /// start is after its end (22:00–07:00) runs over midnight. An end that falls in a daylight-saving gap or
    /// repeated hour is read as <see cref="LocalTimes.ToInstant"/> reads it.
    /// </summary>
    public static DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone, TimeOnly from, TimeOnly to)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var today = DateOnly.FromDateTime(local.DateTime);
        DateOnly? releaseDay = from < to
            ? time >= from && time < to ? today : null
            : time >= from ? today.AddDays(1) : time < to ? today : null;
        return releaseDay is { } day ? LocalTimes.ToInstant(day.ToDateTime(to), zone) : now;
    }
}
