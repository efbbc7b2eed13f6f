using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Budgets;
using Outlay.Api.Categories.AutoCategorisation;
using Outlay.Api.Reports.Rollups;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.Reports;

namespace Outlay.Api.Insights;

/// <summary>
/// Computes a user's tips from their expenses in their own currency. Every figure is an aggregate the
/// database returns (sums, counts, sums of squares per category or day); the only rows read are the
/// candidates a tip names: a few of the largest recent expenses and the payments of repeat merchants.
/// Each tip stays silent unless the history is long enough to back it.
/// </summary>
public sealed class InsightFinder(OutlayDbContext db, BudgetStatusCalculator budgets, IOptionsMonitor<InsightOptions> optionsMonitor)
{
    private const int ComparedMonths = 3;
    private const int RecurringLookbackDays = 800;
    private const int UnusualCandidatesPerCategory = 3;

    public async Task<List<InsightResponse>> FindAsync(Guid userId, ReportSettings settings, DateOnly today, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.CurrentValue;
        var context = new Context(userId, settings, today, options);
        var firstDay = await SpendingTotals.FirstDayAsync(db, userId, settings.Currency, cancellationToken);
        if (firstDay is null)
        {
            return [];
        }

        context.FirstDay = firstDay.Value;
        context.CategoryNames = await db.Categories.AsNoTracking().Where(c => c.UserId == userId)
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var insights = new List<InsightResponse>();
        insights.AddRange(await BudgetOverspendAsync(context, cancellationToken));
        insights.AddRange(await CategorySpikesAndSavingsAsync(context, cancellationToken));
        insights.AddRange(await UnusualExpensesAsync(context, onlyCategory: null, cancellationToken));
        insights.AddRange(await RecurringPaymentsAsync(context, cancellationToken));
        insights.AddRange(await WeekendPatternAsync(context, cancellationToken));
        return [.. insights.OrderByDescending(i => i.Severity)];
    }

    /// <summary>The unusual-expense tips of one category: the rule the feed's unusual-expense alert follows too.</summary>
    public async Task<List<InsightResponse>> UnusualInCategoryAsync(
        Guid userId, ReportSettings settings, DateOnly today, Guid categoryId, CancellationToken cancellationToken)
    {
        var context = new Context(userId, settings, today, optionsMonitor.CurrentValue)
        {
            CategoryNames = await db.Categories.AsNoTracking().Where(c => c.UserId == userId && c.Id == categoryId)
                .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken),
        };
        return [.. await UnusualExpensesAsync(context, categoryId, cancellationToken)];
    }

    /// <summary>The recurring-payments tip (at most one, listing each payment with its next date), on its own.</summary>
    public async Task<List<InsightResponse>> RecurringAsync(Guid userId, ReportSettings settings, DateOnly today, CancellationToken cancellationToken)
    {
        var context = new Context(userId, settings, today, optionsMonitor.CurrentValue)
        {
            CategoryNames = await db.Categories.AsNoTracking().Where(c => c.UserId == userId).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken),
        };
        return [.. await RecurringPaymentsAsync(context, cancellationToken)];
    }

    private async Task<IEnumerable<InsightResponse>> BudgetOverspendAsync(Context c, CancellationToken cancellationToken)
    {
        var userBudgets = await db.Budgets.AsNoTracking().Where(b => b.UserId == c.UserId).ToListAsync(cancellationToken);
        var statuses = await budgets.ComputeAsync(c.UserId, c.Settings, c.Today, userBudgets, cancellationToken);
        var found = new List<InsightResponse>();
        foreach (var budget in userBudgets)
        {
            var status = statuses[budget.Id];
            var isOver = status.Spent > budget.Amount;
            // A projection from the first days of a period with no earlier period to temper it is noise:
            // without history, wait for a quarter of the period unless the budget is already exceeded.
            var elapsedDays = c.Today.DayNumber - status.Start.DayNumber + 1;
            var periodDays = status.End.DayNumber - status.Start.DayNumber + 1;
            var hasBasis = isOver || c.FirstDay < status.Start || elapsedDays * 4 >= periodDays;
            if (status.Projected <= budget.Amount || !hasBasis)
            {
                continue;
            }

            var what = budget.CategoryId is { } categoryId ? c.Name(categoryId) : "Overall";
            var period = budget.Period.ToString().ToLowerInvariant();
            var data = new JsonObject
            {
                ["budgetId"] = budget.Id,
                ["categoryId"] = budget.CategoryId,
                ["categoryName"] = budget.CategoryId is null ? null : what,
                ["period"] = period,
                ["start"] = Day(status.Start),
                ["end"] = Day(status.End),
                ["amount"] = c.Money(budget.Amount),
                ["spent"] = c.Money(status.Spent),
                ["projected"] = c.Money(status.Projected),
                ["overBy"] = c.Money(status.Projected - budget.Amount),
                ["percent"] = status.Percent,
            };
            found.Add(isOver
                ? new InsightResponse(InsightKinds.BudgetOverspend, InsightSeverity.Alert, $"{what} {period}ly budget exceeded",
                    $"You have spent {c.Text(status.Spent)} of your {c.Text(budget.Amount)} {what} budget ({Percent(status.Percent)}%), and are on course for {c.Text(status.Projected)} by {Day(status.End)}.", data)
                : new InsightResponse(InsightKinds.BudgetOverspend, InsightSeverity.Warning, $"{what} {period}ly budget on course to overspend",
                    $"At this pace you will spend about {c.Text(status.Projected)} by {Day(status.End)}, {c.Text(status.Projected - budget.Amount)} over your {c.Text(budget.Amount)} {what} budget.", data));
        }

        return found;
    }

    /// <summary>
    /// This month so far against the same stretch of days of each of the last three months (so rent paid on the
    /// 1st is compared with rent paid on the 1st, not pro-rated across the month), and the biggest discretionary
    /// category of those complete months as the savings tip. Only months wholly after the first expense count.
    /// </summary>
    private async Task<IEnumerable<InsightResponse>> CategorySpikesAndSavingsAsync(Context c, CancellationToken cancellationToken)
    {
        var (settings, options) = (c.Settings, c.Options);
        var month = ReportPeriod.Containing(PeriodKind.Month, c.Today, settings.WeekStart, settings.MonthStartDay);
        var daysSoFar = c.Today.DayNumber - month.Start.DayNumber + 1;
        var earlier = new List<ReportPeriod>();
        for (var past = month.Previous(settings.WeekStart, settings.MonthStartDay);
             earlier.Count < ComparedMonths && past.Start >= c.FirstDay;
             past = past.Previous(settings.WeekStart, settings.MonthStartDay))
        {
            earlier.Add(past);
        }

        if (earlier.Count < options.MinMonthsOfHistory)
        {
            return [];
        }

        var found = new List<InsightResponse>();
        var soFar = await Totals(month.Start, c.Today);
        var sameStretch = new List<Dictionary<Guid, decimal>>();
        var whole = new List<Dictionary<Guid, decimal>>();
        foreach (var past in earlier)
        {
            var stretchEnd = past.Start.AddDays(daysSoFar - 1);
            sameStretch.Add(await Totals(past.Start, stretchEnd < past.End ? stretchEnd : past.End));
            whole.Add(await Totals(past.Start, past.End));
        }

        foreach (var (categoryId, spent) in soFar)
        {
            var usual = sameStretch.Sum(t => t.GetValueOrDefault(categoryId)) / earlier.Count;
            var monthsWithSpend = sameStretch.Count(t => t.GetValueOrDefault(categoryId) > 0);
            if (usual <= 0 || monthsWithSpend < options.MinMonthsOfHistory || spent <= usual * (1 + (options.CategorySpikePercent / 100m)))
            {
                continue;
            }

            var change = Math.Round((double)((spent / usual) - 1) * 100, 1);
            var name = c.Name(categoryId);
            found.Add(new InsightResponse(InsightKinds.CategorySpike, InsightSeverity.Warning, $"{name} is running {Percent(change)}% above usual",
                $"You have spent {c.Text(spent)} on {name} in the first {daysSoFar} days of {month.Label}; over the same days of the last {earlier.Count} months you spent {c.Text(usual)} on average.",
                new JsonObject
                {
                    ["categoryId"] = categoryId,
                    ["categoryName"] = name,
                    ["periodStart"] = Day(month.Start),
                    ["daysSoFar"] = daysSoFar,
                    ["spent"] = c.Money(spent),
                    ["usual"] = c.Money(usual),
                    ["changePercent"] = change,
                    ["monthsCompared"] = earlier.Count,
                    ["thresholdPercent"] = options.CategorySpikePercent,
                }));
        }

        var discretionary = options.EffectiveDiscretionaryCategories.Select(n => n.Trim().ToLowerInvariant()).ToHashSet();
        var biggest = c.CategoryNames
            .Where(category => discretionary.Contains(category.Value.Trim().ToLowerInvariant()))
            .Select(category => (Id: category.Key, Name: category.Value, MonthlyAverage: whole.Sum(t => t.GetValueOrDefault(category.Key)) / earlier.Count))
            .Where(category => category.MonthlyAverage > 0)
            .OrderByDescending(category => category.MonthlyAverage)
            .FirstOrDefault();
        if (biggest.Name is not null)
        {
            var yearly = biggest.MonthlyAverage * 12;
            var saving = yearly * options.SavingsCutPercent / 100m;
            found.Add(new InsightResponse(InsightKinds.SavingsOpportunity, InsightSeverity.Info, $"Your biggest saving: {biggest.Name}",
                $"{biggest.Name} cost you {c.Text(biggest.MonthlyAverage)} a month on average over the last {earlier.Count} months; spending {options.SavingsCutPercent}% less there would save about {c.Text(saving)} a year.",
                new JsonObject
                {
                    ["categoryId"] = biggest.Id,
                    ["categoryName"] = biggest.Name,
                    ["monthlyAverage"] = c.Money(biggest.MonthlyAverage),
                    ["yearlySpend"] = c.Money(yearly),
                    ["cutPercent"] = options.SavingsCutPercent,
                    ["yearlySaving"] = c.Money(saving),
                    ["monthsCompared"] = earlier.Count,
                }));
        }

        return found;

        Task<Dictionary<Guid, decimal>> Totals(DateOnly from, DateOnly to) =>
            SpendingTotals.ByCategoryAsync(db, c.UserId, settings.Currency, from, to, cancellationToken);
    }

    private async Task<IEnumerable<InsightResponse>> UnusualExpensesAsync(Context c, Guid? onlyCategory, CancellationToken cancellationToken)
    {
        var (currency, options) = (c.Settings.Currency, c.Options);
        var since = c.Today.AddDays(-options.UnusualLookbackDays + 1);
        var recentSince = c.Today.AddDays(-options.UnusualRecentDays + 1);

        // The spread comes from the daily roll-up's count, sum and sum of squares. SQLite keeps money as scaled
        // integers, so its double sums are the amounts times the scale (squares: times the scale squared). Dividing
        // by the ratio of the double sum to the exact decimal sum brings both back to currency units on any engine
        // (the ratio is 1 on PostgreSQL).
        var sums = await SpendingTotals.Days(db, c.UserId, currency, since, c.Today)
            .Where(d => onlyCategory == null || d.CategoryId == onlyCategory)
            .GroupBy(d => d.CategoryId)
            .Select(g => new
            {
                CategoryId = g.Key,
                Count = g.Sum(d => d.Count),
                Total = g.Sum(d => d.Total),
                Raw = g.Sum(d => (double)d.Total),
                RawSquares = g.Sum(d => d.TotalSquares),
            })
            .Where(g => g.Count > options.MinSamples)
            .ToListAsync(cancellationToken);

        var found = new List<InsightResponse>();
        foreach (var category in sums.Where(s => s.Total > 0))
        {
            var scale = category.Raw / (double)category.Total;
            var stats = new SpendingStats(category.Count, category.Raw / scale, category.RawSquares / (scale * scale));
            // A hair below the exact threshold, so rounding never hides a candidate; the z-score below decides.
            var floor = stats.OutlierFloor(options.UnusualStdDevs) * 0.999_999;
            if (double.IsInfinity(floor) || double.IsNaN(floor))
            {
                continue;
            }

            var amountFloor = (decimal)floor;
            var candidates = await db.Expenses.AsNoTracking()
                .Where(e => e.UserId == c.UserId && e.Currency == currency && e.CategoryId == category.CategoryId
                    && e.OccurredOn >= recentSince && e.OccurredOn <= c.Today && e.Amount > amountFloor)
                .OrderByDescending(e => e.Amount)
                .Take(UnusualCandidatesPerCategory)
                .Select(e => new { e.Id, e.Amount, e.OccurredOn, e.Merchant })
                .ToListAsync(cancellationToken);
            foreach (var expense in candidates)
            {
                var others = stats.Without((double)expense.Amount);
                if (others.ZScore((double)expense.Amount) is not { } z || z <= options.UnusualStdDevs)
                {
                    continue;
                }

                var name = c.Name(category.CategoryId);
                var mean = (decimal)others.Mean;
                var where = expense.Merchant is null ? "" : $" at {expense.Merchant}";
                found.Add(new InsightResponse(InsightKinds.UnusualExpense, InsightSeverity.Warning, $"Unusual {name} expense",
                    $"{c.Text(expense.Amount)}{where} on {Day(expense.OccurredOn)} is far above your usual {name} expense of {c.Text(mean)}.",
                    new JsonObject
                    {
                        ["expenseId"] = expense.Id,
                        ["occurredOn"] = Day(expense.OccurredOn),
                        ["merchant"] = expense.Merchant,
                        ["categoryId"] = category.CategoryId,
                        ["categoryName"] = name,
                        ["amount"] = c.Money(expense.Amount),
                        ["mean"] = c.Money(mean),
                        ["stdDev"] = c.Money((decimal)others.StdDev),
                        ["stdDevsAbove"] = Math.Round(z, 2),
                        ["samples"] = others.Count,
                        ["lookbackDays"] = options.UnusualLookbackDays,
                    }));
            }
        }

        return found;
    }

    private async Task<IEnumerable<InsightResponse>> RecurringPaymentsAsync(Context c, CancellationToken cancellationToken)
    {
        var (currency, options) = (c.Settings.Currency, c.Options);
        // Whole calendar months, so the monthly merchant roll-up counts exactly the payments of the window.
        var lookback = c.Today.AddDays(-RecurringLookbackDays);
        var since = new DateOnly(lookback.Year, lookback.Month, 1);

        // Payments per merchant key, counted from the roll-up and keyed the way expenses are (the normalised
        // merchant); only the payments of keys seen a few times are then read. A merchant paid more often than
        // every five days on average is a shop the user visits, not a subscription.
        var maxOccurrences = RecurringLookbackDays / 5;
        var perMerchant = await db.MonthlyMerchantSpending.AsNoTracking()
            .Where(m => m.UserId == c.UserId && m.Currency == currency && m.Month >= since && m.Month <= c.Today)
            .GroupBy(m => m.Merchant)
            .Select(g => new { Merchant = g.Key, Count = g.Sum(m => m.Count) })
            .ToListAsync(cancellationToken);
        var keys = perMerchant
            .GroupBy(m => MerchantNormaliser.Normalise(m.Merchant))
            .Where(g => g.Key.Length > 0 && g.Sum(m => m.Count) >= options.RecurringMinOccurrences && g.Sum(m => m.Count) <= maxOccurrences)
            .Select(g => g.Key)
            .ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var payments = await db.Expenses.AsNoTracking()
            .Where(e => e.UserId == c.UserId && e.Currency == currency && e.MerchantKey != null && keys.Contains(e.MerchantKey)
                && e.OccurredOn >= since && e.OccurredOn <= c.Today)
            .Select(e => new { Key = e.MerchantKey!, e.Merchant, e.OccurredOn, e.Amount, e.CategoryId })
            .ToListAsync(cancellationToken);
        payments = [.. payments.GroupBy(p => p.Key)
            .Where(g => g.Count() >= options.RecurringMinOccurrences && g.Count() <= maxOccurrences)
            .SelectMany(g => g)];
        var detected = payments.GroupBy(p => p.Key)
            .Select(g => (Latest: g.MaxBy(p => p.OccurredOn)!, Payment: RecurrenceDetector.Detect(
                g.Select(p => new Payment(p.OccurredOn, p.Amount)), options.RecurringMinOccurrences, options.RecurringAmountTolerancePercent, c.Today)))
            .Where(d => d.Payment is not null)
            .OrderByDescending(d => d.Payment!.YearlyCost)
            .ToList();
        if (detected.Count == 0)
        {
            return [];
        }

        var total = detected.Sum(d => d.Payment!.YearlyCost);
        var list = new JsonArray([.. detected.Select(d => (JsonNode)new JsonObject
        {
            ["merchant"] = d.Latest.Merchant ?? d.Latest.Key,
            ["categoryId"] = d.Latest.CategoryId,
            ["categoryName"] = c.Name(d.Latest.CategoryId),
            ["interval"] = d.Payment!.Interval.ToString().ToLowerInvariant(),
            ["amount"] = c.Money(d.Payment.Amount),
            ["occurrences"] = d.Payment.Occurrences,
            ["lastOn"] = Day(d.Payment.LastOn),
            ["nextOn"] = Day(d.Payment.NextOn),
            ["yearlyCost"] = c.Money(d.Payment.YearlyCost),
        })]);
        var names = string.Join(", ", detected.Take(3).Select(d => d.Latest.Merchant ?? d.Latest.Key));
        return
        [
            new InsightResponse(InsightKinds.RecurringPayments, InsightSeverity.Info,
                detected.Count == 1 ? "1 recurring payment" : $"{detected.Count} recurring payments",
                $"Regular payments ({names}{(detected.Count > 3 ? ", …" : "")}) cost you about {c.Text(total)} a year. Worth checking you still use them all.",
                new JsonObject { ["payments"] = list, ["totalYearlyCost"] = c.Money(total) }),
        ];
    }

    private async Task<IEnumerable<InsightResponse>> WeekendPatternAsync(Context c, CancellationToken cancellationToken)
    {
        var (settings, options) = (c.Settings, c.Options);
        var thisWeek = ReportPeriod.Containing(PeriodKind.Week, c.Today, settings.WeekStart, settings.MonthStartDay);
        var weeks = 0;
        var from = thisWeek.Start;
        while (weeks < options.PatternWeeks && from.AddDays(-7) >= c.FirstDay)
        {
            from = from.AddDays(-7);
            weeks++;
        }

        const int minimumWeeks = 4;
        if (weeks < minimumWeeks)
        {
            return [];
        }

        var to = thisWeek.Start.AddDays(-1);
        var daily = await SpendingTotals.ByDayAsync(db, c.UserId, settings.Currency, from, to, cancellationToken);
        if (daily.Count < options.MinSamples
            || WeekendPattern.Compare(daily, from, weeks) is not { } comparison
            || Math.Abs(comparison.DifferencePercent) < options.PatternDifferencePercent)
        {
            return [];
        }

        var (more, less) = comparison.DifferencePercent > 0 ? ("weekend", "weekday") : ("weekday", "weekend");
        return
        [
            new InsightResponse(InsightKinds.WeekendPattern, InsightSeverity.Info, $"You spend more on {more}s",
                $"Over the last {weeks} weeks you spent {c.Text(comparison.WeekendDailyAverage)} per weekend day and {c.Text(comparison.WeekdayDailyAverage)} per weekday: {Percent(Math.Abs(comparison.DifferencePercent))}% more on a {more} than on a {less}.",
                new JsonObject
                {
                    ["from"] = Day(from),
                    ["to"] = Day(to),
                    ["weeks"] = weeks,
                    ["weekdayDailyAverage"] = c.Money(comparison.WeekdayDailyAverage),
                    ["weekendDailyAverage"] = c.Money(comparison.WeekendDailyAverage),
                    ["differencePercent"] = comparison.DifferencePercent,
                }),
        ];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Percent(double percent) => percent.ToString("0.#", CultureInfo.InvariantCulture);

    private sealed class Context(Guid userId, ReportSettings settings, DateOnly today, InsightOptions options)
    {
        public Guid UserId { get; } = userId;

        public ReportSettings Settings { get; } = settings;

        public DateOnly Today { get; } = today;

        public InsightOptions Options { get; } = options;

        public DateOnly FirstDay { get; set; }

        public Dictionary<Guid, string> CategoryNames { get; set; } = [];

        public string Name(Guid categoryId) => CategoryNames.GetValueOrDefault(categoryId, "Uncategorised");

        /// <summary>Money in <c>data</c>: a string with the currency's minor-unit digits, as everywhere in the API.</summary>
        public string Money(decimal amount) =>
            Expenses.Money.ToMinorUnits(amount, Settings.Currency).ToString(CultureInfo.InvariantCulture);

        /// <summary>Money in a message: "1,234.50 USD".</summary>
        public string Text(decimal amount) => Expenses.Money.Text(amount, Settings.Currency);
    }
}
