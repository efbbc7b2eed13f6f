using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Insights;
using Outlay.Api.Reports;

namespace Outlay.Api.Notifications.Scheduling;

/// <summary>
/// The day before a recurring payment the insights detected is due, at <see cref="NotificationOptions.DigestTime"/>
/// in the user's time zone: one notification per payment and due date.
/// </summary>
public sealed class UpcomingPayments(IOptionsMonitor<NotificationOptions> options) : IScheduledNotification
{
    public string Job => "upcomingPayments";

    public DateTimeOffset FirstRun(DateTimeOffset now, ReportSettings settings) =>
        DailyReminderSchedule.FirstAfter(now, options.CurrentValue.DigestTime, ReportPeriod.Zone(settings.TimeZone));

    public async Task<ScheduledRun> RunAsync(
        OutlayDbContext db, IServiceProvider services, Guid userId, ReportSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = ReportPeriod.Zone(settings.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var todays = DailyReminderSchedule.On(today, options.CurrentValue.DigestTime, zone);
        if (todays > now)
        {
            return new ScheduledRun(todays, []);
        }

        var next = DailyReminderSchedule.On(today.AddDays(1), options.CurrentValue.DigestTime, zone);
        var tomorrow = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tips = await services.GetRequiredService<InsightFinder>().RecurringAsync(userId, settings, today, cancellationToken);
        var due = tips.SelectMany(t => t.Data["payments"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .Where(p => p["nextOn"]?.GetValue<string>() == tomorrow)
            .Select(p => Notice(p, settings.Currency, tomorrow))
            .ToList();
        return new ScheduledRun(next, due);
    }

    private static (NotificationText Text, string OnceKey) Notice(JsonObject payment, string currency, string dueOn)
    {
        var merchant = payment["merchant"]!.GetValue<string>();
        var amount = decimal.Parse(payment["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var interval = payment["interval"]!.GetValue<string>();
        var text = new NotificationText(
            NotificationKinds.UpcomingPayment,
            $"{merchant} is due tomorrow",
            $"Your {interval} payment to {merchant}, about {Expenses.Money.Text(amount, currency)}, is due on {dueOn}.",
            new { merchant, amount = payment["amount"]!.GetValue<string>(), currency, interval, dueOn, categoryId = payment["categoryId"]?.GetValue<Guid>() });
        return (text, $"{NotificationKinds.UpcomingPayment}:{merchant.ToLowerInvariant()}:{dueOn}");
    }
}
