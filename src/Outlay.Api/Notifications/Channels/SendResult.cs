namespace Outlay.Api.Notifications.Channels;

/// <summary>
/// What a provider said to one send: accepted with its message id, or refused with its error code.
/// <c>IsPermanent</c> refusals (a bad number, an opt-out) are never retried; the others (rate limits, outages,
/// timeouts) may be.
/// </summary>
public sealed record SendResult(string? ProviderMessageId, string? ErrorCode, string? Error, bool IsPermanent)
{
    /// <summary>Only an approved template could reach the person, and this server has none configured for the message's kind.</summary>
    public const string NoTemplate = "noTemplate";

    public bool IsSent => ProviderMessageId is not null;

    /// <summary>The approved template went instead of the text.</summary>
    public bool AsTemplate { get; init; }

    public static SendResult Sent(string id) => new(id, null, null, IsPermanent: false);

    public static SendResult Failed(string code, string error, bool permanent) => new(null, code, error, permanent);
}
