using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Users;

public sealed record UpdateMeRequest(
    [property: StringLength(100)] string? DisplayName,
    [property: StringLength(64)] string? TimeZone,
    [property: StringLength(3)] string? Currency,
    WeekStart? WeekStart,
    [property: Range(1, 28)] int? MonthStartDay);

public static class UpdateMe
{
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, NotFound>> HandleAsync(
        UpdateMeRequest request, CurrentUser me, OutlayDbContext db, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == me.Id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (request.TimeZone is { } zone)
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && found.HasIanaId)
            {
                user.TimeZone = found.Id;
            }
            else
            {
                errors["timeZone"] = ["Use an IANA time zone name such as Europe/Berlin."];
            }
        }

        if (request.Currency is { } currency)
        {
            var code = currency.ToUpperInvariant();
            if (Currencies.IsKnown(code))
            {
                user.Currency = code;
            }
            else
            {
                errors["currency"] = ["Use an ISO 4217 currency code such as EUR."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.DisplayName is not null)
        {
            user.DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim();
        }

        user.WeekStart = request.WeekStart ?? user.WeekStart;
        user.MonthStartDay = request.MonthStartDay ?? user.MonthStartDay;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(UserResponse.From(user));
    }
}
