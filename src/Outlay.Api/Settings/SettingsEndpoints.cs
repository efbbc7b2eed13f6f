using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Settings;

public sealed record AuditEntryResponse(
    Guid Id, DateTimeOffset At, Guid? ActorId, string? ActorEmail, string Action, string Target, JsonElement Detail);

/// <summary>The keyset of the audit log, newest first.</summary>
public sealed record AuditCursor(DateTimeOffset At, Guid Id);

public static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("/settings", GetSettings).WithName("AdminGetSettings")
            .WithSummary("The dynamic configuration: every key with its current value (its static default until an admin sets it).");
        admin.MapPatch("/settings", PatchSettingsAsync).WithName("AdminUpdateSettings")
            .WithSummary("Changes some keys (null resets one to its default); all or nothing, applies on every instance within seconds, audited.")
            .Accepts<JsonElement>("application/json");
        admin.MapGet("/audit", ListAuditAsync).WithName("AdminListAudit")
            .WithSummary("Who changed what, when: newest first, keyset paging.");
        return api;
    }

    public static Ok<RuntimeSettings> GetSettings(SettingsStore store) => TypedResults.Ok(store.Current);

    public static async Task<Results<Ok<RuntimeSettings>, ValidationProblem>> PatchSettingsAsync(
        JsonElement body, SettingsStore store, CurrentUser me, CancellationToken cancellationToken)
    {
        var result = await store.PatchAsync(body, me.Id, cancellationToken);
        return result.Settings is { } settings ? TypedResults.Ok(settings) : TypedResults.ValidationProblem(result.Errors);
    }

    public static async Task<Results<Ok<Page<AuditEntryResponse>>, ValidationProblem>> ListAuditAsync(
        OutlayDbContext db, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (Paging.TryRead<AuditCursor>(limit, cursor, out var take, out var after) is { } invalid)
        {
            return invalid;
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (after is not null)
        {
            entries = entries.Where(e => e.At < after.At || (e.At == after.At && e.Id.CompareTo(after.Id) < 0));
        }

        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take + 1)
            .Select(e => new
            {
                Entry = e,
                ActorEmail = db.Users.Where(u => u.Id == e.ActorId).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new AuditEntryResponse(
            r.Entry.Id, r.Entry.At, r.Entry.ActorId, r.ActorEmail, r.Entry.Action, r.Entry.Target, ParseDetail(r.Entry.Detail))).ToList();
        return TypedResults.Ok(Paging.PageOf(items, take, e => new AuditCursor(e.At, e.Id)));
    }

    private static JsonElement ParseDetail(string detail)
    {
        try
        {
            using var document = JsonDocument.Parse(detail);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(detail);
        }
    }
}
