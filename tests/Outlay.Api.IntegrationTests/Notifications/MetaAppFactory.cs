using Microsoft.AspNetCore.Hosting;
using Outlay.Api.IntegrationTests.Budgets;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>The app with WhatsApp through a <see cref="FakeMeta"/>, approved templates for codes and budget thresholds, and "now" pinned.</summary>
public class MetaAppFactory : PinnedClockAppFactory
{
    public const string AppSecret = "fake-meta-app-secret";
    public const string VerifyToken = "fake-meta-verify-token";
    public const string CodeTemplate = "outlay_verification_code";
    public const string BudgetTemplate = "outlay_budget_alert";
    public const string BudgetTemplateLanguage = "en_GB";

    public FakeMeta Meta { get; } = new();

    public override async Task InitializeAsync()
    {
        await Meta.StartAsync();
        await base.InitializeAsync();
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outlay:Notifications:WhatsAppProvider"] = "Meta",
        ["Outlay:Notifications:Meta:BaseUrl"] = Meta.BaseUrl,
        ["Outlay:Notifications:Meta:ApiVersion"] = FakeMeta.ApiVersion,
        ["Outlay:Notifications:Meta:PhoneNumberId"] = FakeMeta.PhoneNumberId,
        ["Outlay:Notifications:Meta:AccessToken"] = FakeMeta.AccessToken,
        ["Outlay:Notifications:Meta:AppSecret"] = AppSecret,
        ["Outlay:Notifications:Meta:VerifyToken"] = VerifyToken,
        ["Outlay:Notifications:Meta:Templates:phoneVerification:Name"] = CodeTemplate,
        ["Outlay:Notifications:Meta:Templates:budgetThreshold:Name"] = BudgetTemplate,
        ["Outlay:Notifications:Meta:Templates:budgetThreshold:Language"] = BudgetTemplateLanguage,
        ["Outlay:Notifications:VerificationResendSeconds"] = "0",
        // As in TwilioAppFactory: quick rounds, an immediate retry, and only the pinned hosts send.
        ["Outlay:Notifications:DispatchIntervalMilliseconds"] = "100",
        ["Outlay:Notifications:RetryFirstDelaySeconds"] = "0",
        ["Outlay:Notifications:DispatchEnabled"] = "false",
    };

    protected override void ConfigurePinnedHost(IWebHostBuilder builder) => builder.UseSetting("Outlay:Notifications:DispatchEnabled", "true");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Meta.DisposeAsync();
    }
}
