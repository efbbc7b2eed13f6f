namespace Outlay.Api.Auth;

public static class Policies
{
    public const string Admin = "admin";
    public const string User = "user";
}
