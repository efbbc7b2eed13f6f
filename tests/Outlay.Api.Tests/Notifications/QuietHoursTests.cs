using Outlay.Api.Notifications;

namespace Outlay.Api.Tests.Notifications;

public sealed class QuietHoursTests
{
    [Theory]
    // Outside the quiet hours: at once.
    [InlineData("2026-11-20T12:00:00Z", "UTC", "22:00", "07:00", "2026-11-20T12:00:00Z")]
    // Inside a span over midnight, before midnight: tomorrow morning.
    [InlineData("2026-11-20T23:30:00Z", "UTC", "22:00", "07:00", "2026-11-21T07:00:00Z")]
    // Inside it, after midnight: this morning.
    [InlineData("2026-11-21T03:00:00Z", "UTC", "22:00", "07:00", "2026-11-21T07:00:00Z")]
    // The end itself is no longer quiet.
    [InlineData("2026-11-21T07:00:00Z", "UTC", "22:00", "07:00", "2026-11-21T07:00:00Z")]
    // A daytime span.
    [InlineData("2026-11-20T12:30:00Z", "UTC", "12:00", "14:00", "2026-11-20T14:00:00Z")]
    // In the user's zone: 23:00 in Kolkata is 17:30 UTC; quiet until 07:00 there, 01:30 UTC.
    [InlineData("2026-11-20T17:30:00Z", "Asia/Kolkata", "22:00", "07:00", "2026-11-21T01:30:00Z")]
    // The night Berlin goes back an hour (25 October 2026): 07:00 is CET, UTC+1.
    [InlineData("2026-10-24T22:30:00Z", "Europe/Berlin", "23:00", "07:00", "2026-10-25T06:00:00Z")]
    // The night New York goes forward (8 March 2026): quiet until 02:30 local, which does not exist; 03:00 EDT.
    [InlineData("2026-03-08T06:00:00Z", "America/New_York", "00:00", "02:30", "2026-03-08T07:00:00Z")]
    public void NextAllowed_IsNowOrTheEndOfTheQuietHoursInTheUsersZone(string now, string zone, string from, string to, string expected)
    {
        var allowed = QuietHours.NextAllowed(
            DateTimeOffset.Parse(now), TimeZoneInfo.FindSystemTimeZoneById(zone), TimeOnly.Parse(from), TimeOnly.Parse(to));

        Assert.Equal(DateTimeOffset.Parse(expected), allowed);
    }
}
