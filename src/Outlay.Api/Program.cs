using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

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

var app = builder.Build();

app.UseMiddleware<RequestIdMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseOutlayWebApp();

app.MapOutlayHealthChecks();
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapOutlayOpenApi();

var api = app.MapGroup("/api/v1");
app.MapApiNotFound();
app.MapOutlayWebAppFallback();

await app.PrepareDatabaseAsync();
await app.RunAsync();

public partial class Program;
