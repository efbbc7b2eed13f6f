using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;
using Outlay.Api.Notifications;
using Outlay.Api.Users;

namespace Outlay.Api.Reports;

public sealed record SystemSummaryResponse(
    PeriodResponse Period,
    int Users,
    int ActiveUsers,
    int Signups,
    int DisabledUsers,
    int ExpenseCount,
    IReadOnlyList<SystemCategoryTotal> ByCategory,
    IReadOnlyList<SystemDeliveryCount> Deliveries);

/// <summary>Spending across every user for a category name and currency; no user is identifiable from it.</summary>
public sealed record SystemCategoryTotal(string Category, string Currency, decimal Total, int Count);

/// <summary>SMS and WhatsApp messages queued in the period, by channel and where they are now.</summary>
public sealed record SystemDeliveryCount(string Channel, string Status, int Count);

public static class GetSystemSummary
{
    /// <summary>System-wide figures for the admin: calendar periods in UTC, weeks from Monday.</summary>
    public static async Task<Results<Ok<SystemSummaryResponse>, ValidationProblem>> HandleAsync(
        OutlayDbContext db, TimeProvider clock, string? period, DateOnly? date, CancellationToken cancellationToken)
    {
        if (PeriodKinds.Parse(period ?? "month") is not { } kind)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["period must be week, month or year."] });
        }

        var range = ReportPeriod.Containing(kind, date ?? ReportPeriod.Today(clock, "UTC"), WeekStart.Monday, 1);
        var from = new DateTimeOffset(range.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(range.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var users = await db.Users.CountAsync(cancellationToken);
        var disabled = await db.Users.CountAsync(u => u.IsDisabled, cancellationToken);
        var signups = await db.Users.CountAsync(u => u.CreatedAt >= from && u.CreatedAt < until, cancellationToken);
        var active = await db.Users.CountAsync(u =>
            (u.LastLoginAt >= from && u.LastLoginAt < until)
            || db.Expenses.Any(e => e.UserId == u.Id && e.CreatedAt >= from && e.CreatedAt < until), cancellationToken);

        var byCategory = await db.DailySpending.AsNoTracking()
            .Where(d => d.Day >= range.Start && d.Day <= range.End)
            .Join(db.Categories, d => d.CategoryId, c => c.Id, (d, c) => new { c.Name, d.Currency, d.Total, d.Count })
            .GroupBy(r => new { r.Name, r.Currency })
            .Select(g => new { g.Key.Name, g.Key.Currency, Total = g.Sum(r => r.Total), Count = g.Sum(r => r.Count) })
            .ToListAsync(cancellationToken);
        var count = byCategory.Sum(c => c.Count);
        var deliveries = await db.Set<NotificationDelivery>().AsNoTracking()
            .Where(d => d.CreatedAt >= from && d.CreatedAt < until)
            .GroupBy(d => new { d.Channel, d.Status })
            .Select(g => new SystemDeliveryCount(g.Key.Channel, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new SystemSummaryResponse(
            PeriodResponse.From(range), users, active, signups, disabled, count,
            byCategory.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => new SystemCategoryTotal(c.Name, c.Currency, Expenses.Money.ToMinorUnits(c.Total, c.Currency), c.Count))
                .ToList(),
            [.. deliveries.OrderBy(d => d.Channel, StringComparer.Ordinal).ThenBy(d => d.Status, StringComparer.Ordinal)]));
    }
}
