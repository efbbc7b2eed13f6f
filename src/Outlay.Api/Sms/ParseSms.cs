using Microsoft.AspNetCore.Http.HttpResults;
using Outlay.Api.Sms.Parsing;

namespace Outlay.Api.Sms;

public sealed record ParseSmsResponse(ParsedSmsResponse Parsed);

public static class ParseSms
{
    private const string UnreadableReason = "unreadable";

    public static async Task<Results<Ok<ParseSmsResponse>, ValidationProblem>> HandleAsync(
        HttpRequest request, SmsParser parser, CancellationToken cancellationToken)
    {
        var (payload, errors) = await SmsPayload.ReadAsync(request, cancellationToken);
        if (payload is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(new ParseSmsResponse(ParsedSmsResponse.From(Read(parser, payload.Sender, payload.Body))));
    }

    /// <summary>
    /// The parser gives up on a body whose patterns hit their match timeout ("unreadable"). On a busy or cold server
    /// that can happen to an ordinary SMS, and an ignored SMS is never looked at again, so it gets two more tries.
    /// </summary>
    public static ParsedSms Read(SmsParser parser, string? sender, string body)
    {
        var parsed = parser.Parse(sender, body);
        for (var attempt = 0; attempt < 2 && parsed.IgnoredReason == UnreadableReason; attempt++)
        {
            parsed = parser.Parse(sender, body);
        }

        return parsed;
    }
}
