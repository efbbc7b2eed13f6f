using Outlay.Api.Budgets;

namespace Outlay.Api.Tests.Budgets;

public sealed class BudgetRulesTests
{
    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 50, 80, 100 })]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 90, 100, 150, 200 })]
    public void CheckAlertAt_AscendingUniqueInRange_IsValid(int[] alertAt) => Assert.Null(BudgetRules.CheckAlertAt(alertAt));

    [Theory]
    [InlineData(new[] { 0, 50 })]
    [InlineData(new[] { 50, 201 })]
    [InlineData(new[] { 80, 50 })]
    [InlineData(new[] { 50, 50 })]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 })]
    public void CheckAlertAt_OutOfRangeUnorderedOrRepeated_SaysWhy(int[] alertAt) => Assert.NotNull(BudgetRules.CheckAlertAt(alertAt));
}
