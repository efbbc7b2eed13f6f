using Outlay.Api.Categories;
using Outlay.Api.Categories.AutoCategorisation;
using Outlay.Api.Infrastructure.Idempotency;

namespace Outlay.Api.Expenses;

public static class ExpenseSetup
{
    public static IServiceCollection AddExpenses(this IServiceCollection services)
    {
        services.AddOptions<ExpenseOptions>().BindConfiguration(ExpenseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CategoryOptions>().BindConfiguration(CategoryOptions.SectionName);
        services.AddSingleton(_ => new MerchantCategoriser());
        services.AddScoped<CategoryGuesser>();
        services.AddSingleton<ExpenseCache>();
        services.AddSingleton<ExpiredDeletionPurge>();
        services.AddHostedService(provider => provider.GetRequiredService<ExpiredDeletionPurge>());
        return services;
    }
}
