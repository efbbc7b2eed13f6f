namespace Outlay.Api.Users;

public static class Roles
{
    public const string Admin = "admin";
    public const string User = "user";

    public static bool IsKnown(string role) => role is Admin or User;
}
