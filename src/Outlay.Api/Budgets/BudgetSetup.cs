namespace Outlay.Api.Budgets;

public static class BudgetSetup
{
    public static IServiceCollection AddBudgets(this IServiceCollection services)
    {
        services.AddScoped<BudgetStatusCalculator>();
        return services;
    }
}
