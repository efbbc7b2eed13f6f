using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Outlay.Api.Sms.Parsing;

namespace Outlay.Api.Sms;

public static class SmsSetup
{
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The shipped templates plus the admin's smsTemplates (dynamic configuration), rebuilt when they change.
        services.AddSingleton<SmsParserProvider>();
        services.AddTransient(provider => provider.GetRequiredService<SmsParserProvider>().Current);

        services.AddSingleton<SmsBodyProtector>();

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SmsIngestAuthentication>(SmsIngestAuthentication.SchemeName, _ => { });
        services.AddAuthorizationBuilder().AddPolicy(SmsIngestAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(SmsIngestAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(SmsIngestAuthentication.TokenIdClaim));
        return services;
    }
}
