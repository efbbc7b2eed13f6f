using Outlay.Api.Auth;
using Outlay.Api.Auth.External;
using Outlay.Api.Auth.SecurityEvents;
using Outlay.Api.Budgets;
using Outlay.Api.Categories;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.Infrastructure;
using Outlay.Api.Infrastructure.Idempotency;
using Outlay.Api.Infrastructure.Keys;
using Outlay.Api.Insights;
using Outlay.Api.Notifications;
using Outlay.Api.Reports;
using Outlay.Api.Settings;
using Outlay.Api.Sms;
using Outlay.Api.Users;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json and the web app sit next to the binaries, wherever the server is started from.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.UseOutlayDefaultUrls();
builder.Services.AddOptions<OutlayOptions>().BindConfiguration(OutlayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOutlayClock(builder.Configuration);
builder.Services.AddOutlayTransportSecurity(builder.Configuration);
builder.Services.AddOutlayProblemDetails();
builder.Services.AddValidation();
builder.Services.AddOutlayOpenApi();
builder.Services.AddOutlayTelemetry();
builder.Services.AddOutlayMetricsAccess();
builder.Services.AddOutlayDatabase(builder.Configuration);
builder.Services.AddOutlayDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddOutlayCaching(builder.Configuration);
builder.Services.AddOutlayHealthChecks();
builder.Services.AddOutlayAuth(builder.Configuration);
builder.Services.AddOutlayExternalAuth(builder.Configuration);
builder.Services.AddUsers();
builder.Services.AddExpenses();
builder.Services.AddReports();
builder.Services.AddSms(builder.Configuration);
builder.Services.AddBudgets();
builder.Services.AddInsights();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddRuntimeSettings(builder.Configuration);

var app = builder.Build();
app.WarnIfTheClockIsMoved();

app.UseOutlayTransportSecurity();
app.UseMiddleware<RequestIdMiddleware>();
app.UseNoStoreForAuthResponses();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseOutlayHealthChecks();
app.UseOutlayWebApp();
app.UseRouting();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapOutlayMetrics();
app.MapOutlayOpenApi();
app.MapJwks();

var api = app.MapGroup("/api/v1");
api.MapAuthEndpoints();
api.MapUserEndpoints();
api.MapSecurityEventEndpoints();
api.MapExternalAuthEndpoints();
api.MapCategoryEndpoints();
api.MapExpenseEndpoints();
api.MapSmsEndpoints();
api.MapBudgetEndpoints();
api.MapInsightEndpoints();
api.MapNotificationEndpoints();
api.MapReportEndpoints();
api.MapSettingsEndpoints();
app.MapOutlayWebAppFallback();

await app.PrepareDatabaseAsync();
await app.ImportLegacyDataProtectionKeysAsync();
await app.BootstrapAdminAsync();
await app.RunAsync();

public partial class Program;
