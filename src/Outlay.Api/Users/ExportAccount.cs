using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Users;

public sealed record AccountExport(
    DateTimeOffset ExportedAt,
    UserResponse User,
    IReadOnlyList<ExportedCategory> Categories,
    IReadOnlyList<ExportedExpense> Expenses,
    IReadOnlyList<ExportedSession> Sessions);

public sealed record ExportedCategory(Guid Id, string Name, string Color, string Icon, bool IsDefault, DateTimeOffset CreatedAt);

public sealed record ExportedExpense(
    Guid Id, decimal Amount, string Currency, DateOnly OccurredOn, DateTimeOffset? OccurredAt, Guid CategoryId, string? Merchant,
    string? Note, IReadOnlyList<string> Tags, string? PaymentMethod, string Source, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt);

public sealed record ExportedSession(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, string? UserAgent, DateTimeOffset ExpiresAt);

public static class ExportAccount
{
    /// <summary>Every record the user owns (deleted-but-restorable expenses included), as one JSON document.</summary>
    public static async Task<Results<Ok<AccountExport>, NotFound>> HandleAsync(
        CurrentUser me, OutlayDbContext db, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == me.Id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var categories = await db.Categories.AsNoTracking().Where(c => c.UserId == me.Id).OrderBy(c => c.Name)
            .Select(c => new ExportedCategory(c.Id, c.Name, c.Color, c.Icon, c.IsDefault, c.CreatedAt))
            .ToListAsync(cancellationToken);
        var expenses = await db.Expenses.AsNoTracking().IgnoreQueryFilters().Where(e => e.UserId == me.Id)
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var sessions = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.UserId == me.Id && t.RevokedAt == null && t.RotatedAt == null && t.ExpiresAt > now)
            .Select(t => new ExportedSession(t.FamilyId, t.SessionStartedAt, t.LastUsedAt, t.UserAgent, t.ExpiresAt))
            .ToListAsync(cancellationToken);

        response.Headers.ContentDisposition = $"attachment; filename=\"outlay-export-{now:yyyyMMdd}.json\"";
        return TypedResults.Ok(new AccountExport(
            now,
            UserResponse.From(user),
            categories,
            expenses.Select(e => new ExportedExpense(
                e.Id, e.Amount, e.Currency, e.OccurredOn, e.OccurredAt, e.CategoryId, e.Merchant, e.Note, e.Tags, e.PaymentMethod,
                e.Source.ToString().ToLowerInvariant(), e.CreatedAt, e.UpdatedAt, e.DeletedAt)).ToList(),
            sessions));
    }
}
