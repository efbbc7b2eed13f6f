using System.Globalization;

namespace Outlay.Web.E2E.Infrastructure;

/// <summary>
/// Every page's clock reads Friday 20 November 2026, noon UTC, so "today" and "this month" cannot change under
/// a journey at midnight or at a month's end. The web app asks the server for the periods of the browser's day;
/// timers still run, so token refreshes and notices behave as they do for a person.
/// </summary>
public static class JourneyClock
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static string Today(string format = "yyyy-MM-dd") => Now.ToString(format, CultureInfo.InvariantCulture);

    public static Task PinAsync(IPage page) => page.Clock.SetFixedTimeAsync(Now.UtcDateTime);
}
