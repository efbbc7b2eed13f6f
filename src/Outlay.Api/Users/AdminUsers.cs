using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Users;

public sealed record AdminUserResponse(
    Guid Id, string Email, string? DisplayName, string Role, bool Disabled, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt);

public sealed record AdminUpdateUserRequest([property: StringLength(16)] string? Role, bool? Disabled);

public static class AdminUsers
{
    public static async Task<Results<Ok<Page<AdminUserResponse>>, ValidationProblem>> ListAsync(
        OutlayDbContext db, string? q, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (Paging.TryRead<Guid>(limit, cursor, out var take, out var after) is { } invalid)
        {
            return invalid;
        }

        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            users = users.Where(u => u.Email.Contains(term) || (u.DisplayName != null && u.DisplayName.ToLower().Contains(term)));
        }

        if (after != Guid.Empty)
        {
            users = users.Where(u => u.Id.CompareTo(after) > 0);
        }

        var rows = await users.OrderBy(u => u.Id).Take(take + 1)
            .Select(u => new AdminUserResponse(u.Id, u.Email, u.DisplayName, u.Role, u.IsDisabled, u.CreatedAt, u.LastLoginAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.PageOf(rows, take, u => u.Id));
    }

    public static async Task<Results<Ok<AdminUserResponse>, NotFound>> GetAsync(Guid id, OutlayDbContext db, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user
            ? TypedResults.Ok(ToResponse(user))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<AdminUserResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id,
        AdminUpdateUserRequest request,
        OutlayDbContext db,
        UserSecurityStamps stamps,
        RefreshSessions sessions,
        Auth.SecurityEvents.SecurityEventLog events,
        CancellationToken cancellationToken)
    {
        if (request.Role is { } role && !Roles.IsKnown(role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["The role must be admin or user."] });
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var losesAdmin = user.Role == Roles.Admin && (request.Role == Roles.User || request.Disabled == true);
        if (losesAdmin && !await db.Users.AnyAsync(u => u.Id != id && u.Role == Roles.Admin && !u.IsDisabled, cancellationToken))
        {
            return LastAdmin();
        }

        var disabling = request.Disabled == true && !user.IsDisabled;
        var enabling = request.Disabled == false && user.IsDisabled;
        var newRole = request.Role is { } asked && asked != user.Role ? asked : null;
        var changed = (request.Role is not null && request.Role != user.Role) || (request.Disabled is not null && request.Disabled != user.IsDisabled);
        user.Role = request.Role ?? user.Role;
        user.IsDisabled = request.Disabled ?? user.IsDisabled;
        if (changed)
        {
            // Tokens carry the role and are refused once the stamp moves, so the change applies at once.
            user.SecurityStamp = Guid.NewGuid();
        }

        await db.SaveChangesAsync(cancellationToken);
        if (disabling)
        {
            // Revoked, not just refused while disabled: re-enabling the account must not bring old sessions back.
            await sessions.RevokeAllAsync(user.Id, exceptFamilyId: null, cancellationToken);
        }

        if (changed)
        {
            await stamps.ForgetAsync(user.Id, cancellationToken);
        }

        foreach (var (happened, kind, detail) in new[]
        {
            (newRole is not null, Auth.SecurityEvents.SecurityEventKinds.RoleChanged, $"role: {newRole}, by an admin"),
            (disabling, Auth.SecurityEvents.SecurityEventKinds.Disabled, "by an admin"),
            (enabling, Auth.SecurityEvents.SecurityEventKinds.Enabled, "by an admin"),
        })
        {
            if (happened)
            {
                await events.RecordAsync(user.Id, kind, detail, cancellationToken);
            }
        }

        return TypedResults.Ok(ToResponse(user));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        Guid id, OutlayDbContext db, UserSecurityStamps stamps, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (user.Role == Roles.Admin && !await db.Users.AnyAsync(u => u.Id != id && u.Role == Roles.Admin && !u.IsDisabled, cancellationToken))
        {
            return LastAdmin();
        }

        await AccountRemoval.RemoveAsync(db, id, cancellationToken);
        await stamps.ForgetAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static AdminUserResponse ToResponse(User u) => new(u.Id, u.Email, u.DisplayName, u.Role, u.IsDisabled, u.CreatedAt, u.LastLoginAt);

    private static ProblemHttpResult LastAdmin() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Outlay needs at least one active admin.");
}
