using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;
using Outlay.Api.Reports;

namespace Outlay.Api.Budgets;

public sealed record CreateBudgetRequest(
    Guid? CategoryId,
    [property: Required] PeriodKind? Period,
    [property: Required] decimal? Amount,
    List<int>? AlertAt);

public static class CreateBudget
{
    public static async Task<Results<Created<BudgetResponse>, ValidationProblem, NotFound, ProblemHttpResult>> HandleAsync(
        CreateBudgetRequest request,
        CurrentUser me,
        OutlayDbContext db,
        BudgetStatusCalculator calculator,
        CacheInvalidator invalidator,
        Settings.SettingsStore runtimeSettings,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var settings = await ReportSettings.LoadAsync(db, me.Id, cancellationToken);
        if (settings is null)
        {
            return TypedResults.NotFound();
        }

        var alertAt = request.AlertAt ?? [.. runtimeSettings.Current.BudgetAlertThresholds];
        var errors = new Dictionary<string, string[]>();
        BudgetRules.Check(request.Amount!.Value, settings.Currency, alertAt, errors);
        if (request.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId && c.UserId == me.Id, cancellationToken))
        {
            errors["categoryId"] = ["No such category."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var period = request.Period!.Value;
        if (await db.Budgets.AnyAsync(b => b.UserId == me.Id && b.CategoryId == request.CategoryId && b.Period == period, cancellationToken))
        {
            return AlreadyExists(period);
        }

        var budget = new Budget { UserId = me.Id, CategoryId = request.CategoryId, Period = period, Amount = request.Amount.Value, AlertAt = alertAt };
        db.Budgets.Add(budget);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return AlreadyExists(period);
        }

        await invalidator.RemoveByTagAsync(Budget.CacheTagFor(me.Id), cancellationToken);
        var today = ReportPeriod.Today(clock, settings.TimeZone);
        var statuses = await calculator.ComputeAsync(me.Id, settings, today, [budget], cancellationToken);
        return TypedResults.Created($"/api/v1/budgets/{budget.Id}", BudgetResponse.From(budget, statuses[budget.Id], [], settings.Currency));
    }

    internal static ProblemHttpResult AlreadyExists(PeriodKind period) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "You already have this budget.",
        detail: $"There is already a {period.ToString().ToLowerInvariant()}ly budget for this category; change that one instead.");
}
