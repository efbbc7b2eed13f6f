using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outlay.Api.Sms.Parsing;

/// <summary>Reads bank templates: the file shipped with Outlay and templates an admin posts as JSON.</summary>
public static class SmsTemplateCatalog
{
    public const string ResourceName = "Outlay.Api.Sms.Parsing.sms-templates.json";

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<SmsTemplate> LoadBuiltIn()
    {
        var assembly = typeof(SmsTemplateCatalog).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{ResourceName}' is missing; found: {string.Join(", ", assembly.GetManifestResourceNames())}");
        return JsonSerializer.Deserialize<List<SmsTemplate>>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The built-in SMS template file is empty.");
    }

    /// <summary>Reads one admin-posted template; errors hold what is wrong with it, template is null then.</summary>
    public static (SmsTemplate? Template, IReadOnlyList<string> Errors) ParseAdminTemplate(string json)
    {
        SmsTemplate? template;
        try
        {
            template = JsonSerializer.Deserialize<SmsTemplate>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            return (null, [$"json: {ex.Message}"]);
        }

        if (template is null)
        {
            return (null, ["json: a template object is required"]);
        }

        var errors = template.Validate();
        return errors.Count == 0 ? (template, errors) : (null, errors);
    }
}
