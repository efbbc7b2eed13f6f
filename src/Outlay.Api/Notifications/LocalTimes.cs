using System.Globalization;

namespace Outlay.Api.Notifications;

/// <summary>Times of day as the contract writes them: <c>HH:mm</c>, 24-hour.</summary>
public static class LocalTimes
{
    public static string? Format(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>
    /// The instant a wall-clock time in <paramref name="zone"/> stands for. One that a daylight-saving gap skips
    /// is taken as the first minute after the gap; one that a repeated hour shows twice, as the earlier instant.
    /// In UTC, as every stored instant is: PostgreSQL takes no other offset, and SQLite orders the stored values
    /// by their local ticks.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
