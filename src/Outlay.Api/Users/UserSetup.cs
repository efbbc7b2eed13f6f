namespace Outlay.Api.Users;

public static class UserSetup
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddOptions<AdminBootstrapOptions>().BindConfiguration(AdminBootstrapOptions.SectionName)
            .Validate(admin => admin.IsValid, "Outlay:Admin:BootstrapEmail must be an email address.")
            .ValidateOnStart();
        services.AddScoped<NewAccounts>();
        return services;
    }
}
