using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Notifications;

public sealed record ConfirmPhoneVerificationRequest([property: Required] string? Channel, [property: Required, StringLength(12)] string? Code);

/// <summary>A right code verifies the number for that channel (it enables nothing); a wrong one counts against the code.</summary>
public static class ConfirmPhoneVerification
{
    public static async Task<Results<Ok<NotificationSettingsResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ConfirmPhoneVerificationRequest request,
        CurrentUser me,
        OutlayDbContext db,
        PhoneMessaging messaging,
        IOptions<NotificationOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var verifications = db.Set<PhoneVerification>();
        var verification = await verifications.SingleOrDefaultAsync(v => v.UserId == me.Id && v.Channel == request.Channel, cancellationToken);
        if (verification is null || verification.ExpiresAt <= clock.GetUtcNow())
        {
            return CodeProblem("This code has expired or was never sent: ask for a new one.");
        }

        if (verification.FailedAttempts >= options.Value.VerificationMaxAttempts)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong codes.", detail: "Ask for a new code.");
        }

        if (!PhoneVerificationCodes.Matches(verification, me.Id, request.Code!.Trim()))
        {
            // Counted in the database, so parallel guesses on several instances are counted too.
            await verifications.Where(v => v.UserId == me.Id && v.Channel == verification.Channel)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.FailedAttempts, v => v.FailedAttempts + 1), cancellationToken);
            return CodeProblem("That is not the code we sent.");
        }

        var preferences = await NotificationPreferences.FindOrAddAsync(db, me.Id, cancellationToken);

        preferences.Verified(verification.Channel, verification.Phone);
        verifications.Remove(verification);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NotificationSettingsResponse.From(preferences, messaging.Available()));
    }

    private static ValidationProblem CodeProblem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [message] });
}
