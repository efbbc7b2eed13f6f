using Outlay.Api.Notifications.Scheduling;

namespace Outlay.Api.Tests.Notifications;

public sealed class DailyReminderScheduleTests
{
    [Theory]
    // Before today's time: today's.
    [InlineData("2026-11-20T12:00:00Z", "UTC", "20:00", "2026-11-20T20:00:00Z")]
    // At or after it: tomorrow's.
    [InlineData("2026-11-20T20:00:00Z", "UTC", "20:00", "2026-11-21T20:00:00Z")]
    // 20:00 in Kolkata is 14:30 UTC.
    [InlineData("2026-11-20T12:00:00Z", "Asia/Kolkata", "20:00", "2026-11-20T14:30:00Z")]
    // Late evening UTC is already tomorrow in Tokyo: 08:00 there is tomorrow's morning, 23:00 UTC.
    [InlineData("2026-11-20T22:30:00Z", "Asia/Tokyo", "08:00", "2026-11-20T23:00:00Z")]
    // New York before and after it moves forward (8 March 2026): 20:00 EST is 01:00 UTC, 20:00 EDT is 00:00 UTC.
    [InlineData("2026-03-07T12:00:00Z", "America/New_York", "20:00", "2026-03-08T01:00:00Z")]
    [InlineData("2026-03-08T12:00:00Z", "America/New_York", "20:00", "2026-03-09T00:00:00Z")]
    // 02:30 does not exist that night: the first minute after the gap, 03:00 EDT.
    [InlineData("2026-03-08T05:00:00Z", "America/New_York", "02:30", "2026-03-08T07:00:00Z")]
    // 01:30 happens twice when it moves back (1 November 2026): the first, still EDT.
    [InlineData("2026-11-01T04:00:00Z", "America/New_York", "01:30", "2026-11-01T05:30:00Z")]
    public void FirstAfter_IsTheNextLocalReminderTimeInTheUsersZone(string now, string zone, string at, string expected)
    {
        var next = DailyReminderSchedule.FirstAfter(DateTimeOffset.Parse(now), TimeOnly.Parse(at), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(expected), next);
    }
}
