using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Categories;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Scheduling;
using Outlay.Api.Reports;

namespace Outlay.Api.Users;

/// <summary>What every new account gets, however it signed up (password or external provider).</summary>
public sealed class NewAccounts(
    OutlayDbContext db,
    IOptionsMonitor<CategoryOptions> categories,
    IOptions<AdminBootstrapOptions> admin,
    IEnumerable<IScheduledNotification> scheduledNotifications,
    TimeProvider clock)
{
    /// <summary>
    /// Adds the user with their starting categories and the schedules of their digests and reminders (saved by the
    /// caller's SaveChanges). Being first makes nobody
    /// admin; only the configured bootstrap email does, while there is no admin (see <see cref="AdminBootstrap"/>).
    /// Two sign-ups with that email cannot both succeed: the email is unique.
    /// </summary>
    public async Task AddAsync(User user, CancellationToken cancellationToken)
    {
        user.Role = user.Email == admin.Value.NormalizedBootstrapEmail && !await AdminBootstrap.AnyActiveAdminAsync(db, cancellationToken)
            ? Roles.Admin
            : Roles.User;
        db.Users.Add(user);
        db.Categories.AddRange(categories.CurrentValue.EffectiveDefaults.Select(c => c.CreateFor(user.Id)));
        var settings = new ReportSettings(user.TimeZone, user.Currency, user.WeekStart, user.MonthStartDay);
        db.AddRange(scheduledNotifications.Select(job => new NotificationSchedule { UserId = user.Id, Job = job.Job, NextAt = job.FirstRun(clock.GetUtcNow(), settings) }));
    }
}
