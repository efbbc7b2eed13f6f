using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.Reports;
using Outlay.Api.Reports.Rollups;

namespace Outlay.Api.Notifications.Scheduling;

/// <summary>
/// A short digest when a user's week or month has closed (their own week start, month start day and time zone),
/// on the new period's first day at <see cref="NotificationOptions.DigestTime"/>: what was spent, against the
/// period before, and where most of it went. A period with nothing spent in it or the one before says nothing.
/// </summary>
public sealed class PeriodDigest(PeriodKind period, IOptionsMonitor<NotificationOptions> options) : IScheduledNotification
{
    public string Job { get; } = $"{period.ToString().ToLowerInvariant()}Digest";

    public DateTimeOffset FirstRun(DateTimeOffset now, ReportSettings settings)
    {
        var current = Current(now, settings);
        var opening = DigestOf(current.Start, settings);
        return opening > now ? opening : DigestOf(current.End.AddDays(1), settings);
    }

    public async Task<ScheduledRun> RunAsync(
        OutlayDbContext db, IServiceProvider services, Guid userId, ReportSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = Current(now, settings);
        var opening = DigestOf(current.Start, settings);
        if (opening > now)
        {
            // The user's settings moved the period since this row was scheduled.
            return new ScheduledRun(opening, []);
        }

        var next = DigestOf(current.End.AddDays(1), settings);
        var closed = current.Previous(settings.WeekStart, settings.MonthStartDay);
        var before = closed.Previous(settings.WeekStart, settings.MonthStartDay);
        var currency = settings.Currency;
        var byCategory = await SpendingTotals.ByCategoryAsync(db, userId, currency, closed.Start, closed.End, cancellationToken);
        var spent = byCategory.Values.Sum();
        var earlier = await SpendingTotals.TotalAsync(db, userId, currency, before.Start, before.End, cancellationToken);
        if (spent == 0 && earlier == 0)
        {
            return new ScheduledRun(next, []);
        }

        var noun = period == PeriodKind.Week ? "week" : "month";
        var comparison = earlier == 0
            ? $"Nothing was logged the {noun} before."
            : spent == earlier
                ? $"The same as the {noun} before."
                : $"{Percent(Math.Abs(spent - earlier) / earlier)}% {(spent > earlier ? "more" : "less")} than the {noun} before ({Money.Text(earlier, currency)}).";
        KeyValuePair<Guid, decimal>? top = byCategory.Count == 0 ? null : byCategory.MaxBy(c => c.Value);
        var topName = top is { } t ? await db.Categories.Where(c => c.Id == t.Key).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var message = comparison + (topName is null ? "" : $" Most went to {topName} ({Money.Text(top!.Value.Value, currency)}).");
        var text = new NotificationText(
            NotificationKinds.PeriodDigest,
            $"Your {noun}, {closed.Label}: {Money.Text(spent, currency)} spent",
            message,
            new
            {
                period = noun,
                start = closed.Start,
                end = closed.End,
                currency,
                spent = Money.ToMinorUnits(spent, currency).ToString(CultureInfo.InvariantCulture),
                previous = Money.ToMinorUnits(earlier, currency).ToString(CultureInfo.InvariantCulture),
                topCategoryId = top?.Key,
                topCategoryName = topName,
            });
        return new ScheduledRun(next, [(text, $"{NotificationKinds.PeriodDigest}:{noun}:{closed.Start:yyyy-MM-dd}")]);
    }

    private ReportPeriod Current(DateTimeOffset now, ReportSettings settings)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ReportPeriod.Zone(settings.TimeZone)).DateTime);
        return ReportPeriod.Containing(period, today, settings.WeekStart, settings.MonthStartDay);
    }

    private DateTimeOffset DigestOf(DateOnly firstDay, ReportSettings settings) =>
        DailyReminderSchedule.On(firstDay, options.CurrentValue.DigestTime, ReportPeriod.Zone(settings.TimeZone));

    private static string Percent(decimal share) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
}
