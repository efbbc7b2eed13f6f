namespace Outlay.Api.Users;

public sealed record UserResponse(
    Guid Id,
    string Email,
    string? DisplayName,
    string Role,
    string TimeZone,
    string Currency,
    WeekStart WeekStart,
    int MonthStartDay,
    DateTimeOffset CreatedAt)
{
    public static UserResponse From(User user) => new(
        user.Id, user.Email, user.DisplayName, user.Role, user.TimeZone, user.Currency, user.WeekStart, user.MonthStartDay, user.CreatedAt);
}
