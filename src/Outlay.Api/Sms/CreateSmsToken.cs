using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Sms;

public sealed record CreateSmsTokenRequest([property: StringLength(SmsIngestToken.MaxNameLength)] string? Name);

/// <summary>The only time the token itself is shown: afterwards only its hash exists.</summary>
public sealed record CreatedSmsTokenResponse(Guid Id, string Token, string? Name, DateTimeOffset CreatedAt);

public static class CreateSmsToken
{
    public static async Task<Results<Created<CreatedSmsTokenResponse>, ProblemHttpResult>> HandleAsync(
        CreateSmsTokenRequest? request,
        CurrentUser me,
        OutlayDbContext db,
        IOptions<SmsOptions> options,
        ILogger<SmsIngestToken> logger,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxTokensPerUser;
        if (await db.SmsIngestTokens.CountAsync(t => t.UserId == me.Id, cancellationToken) >= limit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Too many SMS tokens.", detail: $"Revoke one first: at most {limit} per account.");
        }

        var (token, hash) = SmsIngestTokens.Generate();
        var entity = new SmsIngestToken
        {
            UserId = me.Id,
            TokenHash = hash,
            Name = string.IsNullOrWhiteSpace(request?.Name) ? null : request.Name.Trim(),
        };
        db.SmsIngestTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);

        SmsLog.TokenCreated(logger, me.Id, entity.Id);
        return TypedResults.Created($"/api/v1/sms/tokens/{entity.Id}", new CreatedSmsTokenResponse(entity.Id, token, entity.Name, entity.CreatedAt));
    }
}
