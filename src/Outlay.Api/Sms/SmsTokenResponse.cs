namespace Outlay.Api.Sms;

public sealed record SmsTokenResponse(Guid Id, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
