using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Reports;

namespace Outlay.Api.Budgets;

public static class ListBudgets
{
    public static async Task<Results<Ok<List<BudgetResponse>>, NotFound>> HandleAsync(
        CurrentUser me, OutlayDbContext db, BudgetStatusCalculator calculator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = await ReportSettings.LoadAsync(db, me.Id, cancellationToken);
        if (settings is null)
        {
            return TypedResults.NotFound();
        }

        var budgets = await db.Budgets.AsNoTracking().Where(b => b.UserId == me.Id).ToListAsync(cancellationToken);
        var today = ReportPeriod.Today(clock, settings.TimeZone);
        var statuses = await calculator.ComputeAsync(me.Id, settings, today, budgets, cancellationToken);
        var alerts = await BudgetAlertResponse.ForCurrentPeriodsAsync(db, me.Id, statuses, cancellationToken);
        return TypedResults.Ok(budgets
            .OrderBy(b => b.Period).ThenBy(b => b.CategoryId is not null).ThenBy(b => b.Id)
            .Select(b => BudgetResponse.From(b, statuses[b.Id], alerts[b.Id], settings.Currency))
            .ToList());
    }
}
