using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Outlay.Api.Budgets;
using Outlay.Api.Categories;
using Outlay.Api.Categories.AutoCategorisation;
using Outlay.Api.Insights;
using Outlay.Api.Sms.Parsing;

namespace Outlay.Api.Settings;

/// <summary>
/// Every key of the dynamic configuration: how a PATCH value is read and what range it must be in.
/// A value is replaced whole, except the object keys (<c>notificationChannels</c>, <c>insights</c>), whose
/// given properties are merged into the current value. JSON <c>null</c> resets a key to its static default.
/// </summary>
public static partial class SettingKeys
{
    public const int MaxDefaultCategories = 50;
    public const int MaxSmsTemplates = 100;
    public const int MaxCategoryRules = 500;
    public const int MaxDiscretionaryCategories = 50;

    /// <summary>How values are stored and compared: the API's camelCase, strict about types and unknown properties.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    internal delegate JsonNode? Reader(JsonElement value, JsonNode? current, string key, Dictionary<string, string[]> errors);

    internal static readonly IReadOnlyDictionary<string, Reader> All = new Dictionary<string, Reader>(StringComparer.Ordinal)
    {
        ["signupsEnabled"] = Typed<bool>("true or false", (_, _, _) => { }),
        ["accessTokenMinutes"] = Range(1, 1440, "minutes"),
        ["refreshTokenDays"] = Range(1, 365, "days"),
        ["bcryptCost"] = Range(4, 20, "(the bcrypt work factor)"),
        ["loginRateLimit"] = Range(1, 1_000_000, "sign-ins per minute per client address"),
        ["defaultCategories"] = Typed<List<DefaultCategory>>("an array of {name, color, icon}", CheckDefaultCategories),
        ["budgetAlertThresholds"] = Typed<List<int>>("an array of whole percentages", (value, key, errors) =>
        {
            if (BudgetRules.CheckAlertAt(value) is { } error)
            {
                errors[key] = [error];
            }
        }),
        ["smsTemplates"] = ReadSmsTemplates,
        ["categoryRules"] = Typed<List<CategoryRule>>("an array of {category, keyword | pattern}", (value, key, errors) =>
        {
            if (value.Count > MaxCategoryRules)
            {
                errors[key] = [$"At most {MaxCategoryRules} rules."];
            }

            for (var i = 0; i < value.Count; i++)
            {
                if (value[i] is null)
                {
                    errors[$"{key}[{i}]"] = ["A rule is an object."];
                }
                else if (value[i].Validate() is { } error)
                {
                    errors[$"{key}[{i}]"] = [error];
                }
            }
        }),
        ["notificationChannels"] = Typed<NotificationChannels>("an object {sms, whatsapp} of true or false", (_, _, _) => { }, merge: true),
        ["insights"] = Typed<InsightOptions>("an object of insight thresholds", CheckInsights, merge: true),
    };

    /// <summary>Reads and checks one key's value; null (with errors added) when it is not acceptable.</summary>
    internal static JsonNode? Read(string key, JsonElement value, JsonNode? current, Dictionary<string, string[]> errors) =>
        All[key](value, current, key, errors);

    private static Reader Range(int min, int max, string unit) => Typed<int>($"a whole number from {min} to {max}", (value, key, errors) =>
    {
        if (value < min || value > max)
        {
            errors[key] = [$"Must be from {min} to {max} {unit}."];
        }
    });

    private static Reader Typed<T>(string expected, Action<T, string, Dictionary<string, string[]>> check, bool merge = false) =>
        (value, current, key, errors) =>
        {
            if (merge && value.ValueKind == JsonValueKind.Object && current is JsonObject currentObject)
            {
                var merged = currentObject.DeepClone().AsObject();
                foreach (var property in value.EnumerateObject())
                {
                    var existing = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                    if (existing is not null)
                    {
                        merged.Remove(existing);
                    }

                    merged[property.Name] = JsonNode.Parse(property.Value.GetRawText());
                }

                value = JsonSerializer.SerializeToElement(merged);
            }

            T? typed;
            try
            {
                typed = value.Deserialize<T>(Json);
            }
            catch (JsonException exception)
            {
                errors[key] = [$"Expected {expected}. {exception.Message}"];
                return null;
            }

            if (typed is null)
            {
                errors[key] = [$"Expected {expected}."];
                return null;
            }

            var before = errors.Count;
            check(typed, key, errors);
            return errors.Count == before ? JsonSerializer.SerializeToNode(typed, Json) : null;
        };

    private static void CheckDefaultCategories(List<DefaultCategory> categories, string key, Dictionary<string, string[]> errors)
    {
        if (categories.Count is 0 or > MaxDefaultCategories)
        {
            errors[key] = [$"Give 1 to {MaxDefaultCategories} categories."];
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            var category = categories[i];
            if (category is null)
            {
                errors[$"{key}[{i}]"] = ["A category is an object {name, color, icon}."];
            }
            else if (string.IsNullOrWhiteSpace(category.Name) || category.Name.Trim().Length > 40 || category.Name != category.Name.Trim())
            {
                errors[$"{key}[{i}]"] = ["name: 1 to 40 characters, without leading or trailing spaces."];
            }
            else if (!names.Add(Category.Normalize(category.Name)))
            {
                errors[$"{key}[{i}]"] = [$"name: '{category.Name}' is listed twice."];
            }
            else if (category.Color is null || !ColorPattern().IsMatch(category.Color))
            {
                errors[$"{key}[{i}]"] = ["color: a hex colour such as #64748b."];
            }
            else if (category.Icon is null || !IconPattern().IsMatch(category.Icon))
            {
                errors[$"{key}[{i}]"] = ["icon: 1 to 32 lowercase letters, digits or dashes."];
            }
        }
    }

    private static JsonNode? ReadSmsTemplates(JsonElement value, JsonNode? current, string key, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors[key] = ["Expected an array of SMS templates."];
            return null;
        }

        if (value.GetArrayLength() > MaxSmsTemplates)
        {
            errors[key] = [$"At most {MaxSmsTemplates} templates."];
            return null;
        }

        var templates = new List<SmsTemplate>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var (template, problems) = item.ValueKind == JsonValueKind.Object
                ? SmsTemplateCatalog.ParseAdminTemplate(item.GetRawText())
                : (null, ["json: a template object is required"]);
            if (template is null)
            {
                errors[$"{key}[{index}]"] = [.. problems];
            }
            else
            {
                templates.Add(template);
            }

            index++;
        }

        return templates.Count == index ? JsonSerializer.SerializeToNode(templates, Json) : null;
    }

    private static void CheckInsights(InsightOptions insights, string key, Dictionary<string, string[]> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(insights, new ValidationContext(insights), results, validateAllProperties: true);
        if (insights.DiscretionaryCategories is null || insights.DiscretionaryCategories.Count > MaxDiscretionaryCategories
            || insights.DiscretionaryCategories.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 40))
        {
            results.Add(new ValidationResult($"discretionaryCategories: at most {MaxDiscretionaryCategories} names of 1 to 40 characters."));
        }

        if (results.Count > 0)
        {
            errors[key] = [.. results.Select(r => r.ErrorMessage ?? "Out of range.")];
        }
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex IconPattern();
}
