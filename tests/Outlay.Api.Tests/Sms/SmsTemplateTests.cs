using System.Text.Json;
using Outlay.Api.Sms.Parsing;
using Xunit;

namespace Outlay.Api.Tests.Sms;

public sealed class SmsTemplateTests
{
    [Fact]
    public void LoadBuiltIn_ShippedFile_HasValidTemplates()
    {
        var templates = SmsTemplateCatalog.LoadBuiltIn();

        Assert.NotEmpty(templates);
        Assert.All(templates, t => Assert.Empty(t.Validate()));
    }

    [Fact]
    public void ParseAdminTemplate_ValidCamelCaseJson_ReturnsTemplate()
    {
        const string json = """
            {
              "bank": "Example Bank",
              "senderPatterns": ["^EXMPL"],
              "country": "GB",
              "currency": "GBP",
              "dateOrder": "DayFirst",
              "accountPattern": "Acct\\s+ID(?<account>\\d{4})"
            }
            """;

        var (template, errors) = SmsTemplateCatalog.ParseAdminTemplate(json);

        Assert.Empty(errors);
        Assert.NotNull(template);
        Assert.Equal("GBP", template.Currency);
        Assert.Equal(SmsDateOrder.DayFirst, template.DateOrder);
    }

    [Fact]
    public void ParseAdminTemplate_BadRegexAndCodes_ReportsEachError()
    {
        const string json = """
            { "bank": "Broken Bank", "senderPatterns": ["(BROKEN"], "country": "Britain", "currency": "POUND",
              "merchantPattern": "at (?<merchant>[A-Z" }
            """;

        var (template, errors) = SmsTemplateCatalog.ParseAdminTemplate(json);

        Assert.Null(template);
        Assert.Contains(errors, e => e.StartsWith("senderPatterns[0]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("merchantPattern", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("country", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("currency", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseAdminTemplate_MalformedJson_ReportsJsonError()
    {
        var (template, errors) = SmsTemplateCatalog.ParseAdminTemplate("{ \"bank\": ");

        Assert.Null(template);
        Assert.Single(errors);
    }

    [Fact]
    public void Constructor_InvalidTemplate_Throws()
    {
        var bad = new SmsTemplate("Bad", ["("], "GB", "GBP");

        Assert.Throws<ArgumentException>(() => new SmsParser([bad]));
    }

    [Fact]
    public void Parse_AdminTemplate_SuppliesCountryCurrencyAndQuirks()
    {
        var admin = new SmsTemplate(
            "Example Bank", ["^EXMPL$"], "GB", "GBP",
            AmountPattern: @"\bDebit of (?<amount>\d[\d,]*\.\d{2})",
            AccountPattern: @"Acct\s+ID(?<account>\d{4})",
            IgnorePatterns: [@"\bmarketing\b"]);
        var parser = new SmsParser([.. SmsTemplateCatalog.LoadBuiltIn(), admin]);

        var spend = parser.Parse("EXMPL", "Debit of 42.10 at CORNER CAFE from Acct ID7788 on 05/03/2026");
        var ignored = parser.Parse("EXMPL", "Debit of 5.00 for marketing consent fee");

        Assert.True(spend.IsTransaction, $"ignored as {spend.IgnoredReason}");
        Assert.Equal("GBP", spend.Currency);
        Assert.Equal("7788", spend.AccountTail);
        Assert.Equal(new DateOnly(2026, 3, 5), spend.Date);
        Assert.False(ignored.IsTransaction);
    }

    [Fact]
    public void Serialize_Template_RoundTripsAsCamelCase()
    {
        var template = new SmsTemplate("Example", ["^EX$"], "KE", "KES", SmsDateOrder.DayFirst, ReferencePattern: @"(?<reference>[A-Z0-9]{10}) Confirmed");

        var json = JsonSerializer.Serialize(template, SmsTemplateCatalog.JsonOptions);
        var back = JsonSerializer.Deserialize<SmsTemplate>(json, SmsTemplateCatalog.JsonOptions);

        Assert.Contains("\"senderPatterns\"", json, StringComparison.Ordinal);
        Assert.Equal(template.ReferencePattern, back?.ReferencePattern);
        Assert.Equal(template.SenderPatterns, back?.SenderPatterns);
    }
}
