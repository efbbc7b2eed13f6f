using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;
using Outlay.Api.Reports;

namespace Outlay.Api.Budgets;

/// <summary>Absent fields stay as they are. The category is fixed: a budget for another category is a new budget.</summary>
public sealed record UpdateBudgetRequest(PeriodKind? Period, decimal? Amount, List<int>? AlertAt);

public static class UpdateBudget
{
    public static async Task<Results<Ok<BudgetResponse>, ValidationProblem, NotFound, ProblemHttpResult>> HandleAsync(
        Guid id,
        UpdateBudgetRequest request,
        CurrentUser me,
        OutlayDbContext db,
        BudgetStatusCalculator calculator,
        CacheInvalidator invalidator,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var budget = await db.Budgets.SingleOrDefaultAsync(b => b.Id == id && b.UserId == me.Id, cancellationToken);
        var settings = await ReportSettings.LoadAsync(db, me.Id, cancellationToken);
        if (budget is null || settings is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var amount = request.Amount ?? budget.Amount;
        var alertAt = request.AlertAt ?? budget.AlertAt;
        BudgetRules.Check(amount, settings.Currency, alertAt, errors);
        if (request.Amount is null)
        {
            // An old amount that no longer fits (the user changed currency) must not block other changes.
            errors.Remove("amount");
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var period = request.Period ?? budget.Period;
        if (period != budget.Period
            && await db.Budgets.AnyAsync(b => b.UserId == me.Id && b.CategoryId == budget.CategoryId && b.Period == period, cancellationToken))
        {
            return CreateBudget.AlreadyExists(period);
        }

        budget.Period = period;
        budget.Amount = amount;
        budget.AlertAt = [.. alertAt];
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return CreateBudget.AlreadyExists(period);
        }

        await invalidator.RemoveByTagAsync(Budget.CacheTagFor(me.Id), cancellationToken);
        var today = ReportPeriod.Today(clock, settings.TimeZone);
        var statuses = await calculator.ComputeAsync(me.Id, settings, today, [budget], cancellationToken);
        var alerts = await BudgetAlertResponse.ForCurrentPeriodsAsync(db, me.Id, statuses, cancellationToken);
        return TypedResults.Ok(BudgetResponse.From(budget, statuses[budget.Id], alerts[budget.Id], settings.Currency));
    }
}
