using Outlay.Api.Auth;
using Outlay.Api.Categories;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.Infrastructure;
using Outlay.Api.Infrastructure.Idempotency;
using Outlay.Api.Users;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json and the web app sit next to the binaries, wherever the server is started from.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.UseOutlayDefaultUrls();
builder.Services.AddOptions<OutlayOptions>().BindConfiguration(OutlayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOutlayProblemDetails();
builder.Services.AddValidation();
builder.Services.AddOutlayOpenApi();
builder.Services.AddOutlayTelemetry();
builder.Services.AddOutlayDatabase(builder.Configuration);
builder.Services.AddOutlayCaching(builder.Configuration);
builder.Services.AddOutlayHealthChecks();
builder.Services.AddOutlayAuth(builder.Configuration);
Outlay.Api.Auth.External.ExternalAuthSetup.AddOutlayExternalAuth(builder.Services, builder.Configuration); // TEMP(external-auth helper)
builder.Services.AddExpenses();

var app = builder.Build();

app.UseMiddleware<RequestIdMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseOutlayWebApp();
app.UseRouting();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapOutlayHealthChecks();
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapOutlayOpenApi();
app.MapJwks();

var api = app.MapGroup("/api/v1");
api.MapAuthEndpoints();
api.MapUserEndpoints();
Outlay.Api.Auth.External.ExternalAuthEndpoints.MapExternalAuthEndpoints(api); // TEMP(external-auth helper)
api.MapCategoryEndpoints();
api.MapExpenseEndpoints();
app.MapOutlayWebAppFallback();

await app.PrepareDatabaseAsync();
await app.RunAsync();

public partial class Program;
