using System.Globalization;

namespace Outlay.Api.Notifications;

/// <summary>Times of day as the contract writes them: <c>HH:mm</c>, 24-hour.</summary>
public static class LocalTimes
{
    public static string? Format(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
