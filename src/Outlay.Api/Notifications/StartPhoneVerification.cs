using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Notifications;

public sealed record StartPhoneVerificationRequest([property: Required] string? Channel, [property: Required, StringLength(40)] string? Phone);

/// <summary>Sends a six-digit code over the channel to the number; the latest code replaces any earlier one.</summary>
public static partial class StartPhoneVerification
{
    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> HandleAsync(
        StartPhoneVerificationRequest request,
        CurrentUser me,
        OutlayDbContext db,
        PhoneMessaging messaging,
        IOptions<NotificationOptions> options,
        TimeProvider clock,
        HttpResponse response,
        ILogger<PhoneVerification> logger,
        CancellationToken cancellationToken)
    {
        var channel = request.Channel!;
        if (!NotificationChannels.Phone.Contains(channel))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["channel"] = ["channel must be sms or whatsapp."] });
        }

        if (E164.Normalize(request.Phone) is not { } phone)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["phone"] = ["Give the number in international form, with + and the country code (+15551234567)."],
            });
        }

        if (!messaging.IsAvailable(channel))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"This server has no provider for {channel}.");
        }

        var now = clock.GetUtcNow();
        var verification = await db.Set<PhoneVerification>().SingleOrDefaultAsync(v => v.UserId == me.Id && v.Channel == channel, cancellationToken);
        var resendAfter = verification?.SentAt.AddSeconds(options.Value.VerificationResendSeconds);
        if (resendAfter > now)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((resendAfter.Value - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "A code was sent a moment ago.", detail: "Wait for it, or ask again after the time in Retry-After.");
        }

        var code = PhoneVerificationCodes.New();
        var text = $"Your Outlay verification code is {code}. It expires in {options.Value.VerificationCodeMinutes} minutes.";
        // Nobody has written to us from this number yet, so where that matters only a template gets through.
        var sent = await messaging.SendAsync(new PhoneMessage(channel, phone, text, PhoneVerificationCodes.TemplateKind, [code]) { AsTemplate = true }, cancellationToken);
        if (!sent.IsSent)
        {
            LogNotSent(logger, channel, sent.ErrorCode);
            if (sent.ErrorCode == SendResult.NoTemplate)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: $"This server cannot send {channel} verification codes yet.",
                    detail: $"A first {channel} message must be an approved template, and none is configured for codes (Outlay:Notifications:Meta:Templates:{PhoneVerificationCodes.TemplateKind}).");
            }

            return sent.IsPermanent
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["phone"] = [$"The provider cannot deliver to this number ({sent.Error})."] })
                : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The code could not be sent just now.", detail: "Try again in a minute.");
        }

        if (verification is null)
        {
            verification = new PhoneVerification { UserId = me.Id, Channel = channel, Phone = phone, CodeHash = [] };
            db.Add(verification);
        }

        verification.Phone = phone;
        verification.CodeHash = PhoneVerificationCodes.Hash(me.Id, channel, code);
        verification.SentAt = now;
        verification.ExpiresAt = now.AddMinutes(options.Value.VerificationCodeMinutes);
        verification.FailedAttempts = 0;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Channel} verification code could not be sent: {ErrorCode}")]
    private static partial void LogNotSent(ILogger logger, string channel, string? errorCode);
}
