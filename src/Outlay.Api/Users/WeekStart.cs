namespace Outlay.Api.Users;

public enum WeekStart
{
    Monday,
    Sunday,
}
