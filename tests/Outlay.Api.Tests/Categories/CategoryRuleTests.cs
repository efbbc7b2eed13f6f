using Outlay.Api.Categories.AutoCategorisation;

namespace Outlay.Api.Tests.Categories;

public sealed class CategoryRuleTests
{
    [Theory]
    [InlineData("Groceries", "corner shop", null)]
    [InlineData("Groceries", null, @"^SPAR\b")]
    [InlineData("Side projects", "github", null)]
    public void Validate_UsableRule_ReturnsNull(string category, string? keyword, string? pattern) =>
        Assert.Null(new CategoryRule(category, keyword, pattern).Validate());

    [Fact]
    public void Validate_BadRegex_ReturnsAnErrorNamingThePattern()
    {
        var error = new CategoryRule("Health", Pattern: "([a-z]+").Validate();

        Assert.NotNull(error);
        Assert.Contains("([a-z]+", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Health", null, null)]
    [InlineData("Health", "pharmacy", "PHARM")]
    [InlineData("", "pharmacy", null)]
    [InlineData("Health", "#*!", null)]
    public void Validate_IncompleteRule_ReturnsAnError(string category, string? keyword, string? pattern) =>
        Assert.NotNull(new CategoryRule(category, keyword, pattern).Validate());

    [Fact]
    public void Validate_CategoryLongerThanAllowed_ReturnsAnError() =>
        Assert.NotNull(new CategoryRule(new string('x', CategoryRule.MaxCategoryLength + 1), Keyword: "acme").Validate());
}
