using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Categories;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.Sms.Parsing;

namespace Outlay.Api.Sms;

/// <summary>
/// <c>POST /api/v1/sms</c>: a forwarder posts one SMS; a debit becomes an expense, anything else is kept as
/// a record of what arrived. Forwarders retry, so repeats must be harmless: the same text twice is caught by
/// a unique fingerprint, the same payment told by two texts by its reference or by amount, account and time.
/// </summary>
public static class IngestSms
{
    public static async Task<Results<Created<SmsIngestResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        CurrentUser me,
        OutlayDbContext db,
        SmsParser parser,
        SmsBodyProtector protector,
        CategoryGuesser guesser,
        ExpenseCache cache,
        IOptions<SmsOptions> options,
        TimeProvider clock,
        ILogger<SmsMessage> logger,
        CancellationToken cancellationToken)
    {
        var log = new RequestLog(logger, request.RouteValues.ContainsKey(SmsIngestAuthentication.PathTokenRouteValue));
        var userId = me.Id;
        var settings = await db.SmsSettings.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.IsEnabled, s.KeepMessageBodies }).SingleOrDefaultAsync(cancellationToken);
        if (settings is not { IsEnabled: true })
        {
            await log.WriteAsync(l => SmsLog.RefusedWithoutConsent(l, userId));
            return NoConsent();
        }

        var (payload, errors) = await SmsPayload.ReadAsync(request, cancellationToken);
        if (payload is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Currency, u.TimeZone }).SingleAsync(cancellationToken);
        var parsed = ParseSms.Read(parser, payload.Sender, payload.Body);
        var parsedResponse = ParsedSmsResponse.From(parsed);
        var now = clock.GetUtcNow();
        var receivedAt = payload.ReceivedAt ?? now;
        var fingerprint = Fingerprint(userId, payload.Sender, payload.Body);

        if (await RepeatOfAsync(db, userId, fingerprint, cancellationToken) is { } earlier)
        {
            await log.WriteAsync(l => SmsLog.Repeated(l, userId, earlier.MessageId));
            return Answer(SmsMessageStatus.Duplicate, null, parsedResponse, await ExpenseAsync(db, earlier.ExpenseId, cancellationToken));
        }

        var context = new IngestContext(
            userId, payload, parsed, receivedAt, ReceivedDay(receivedAt, user.TimeZone), user.Currency, fingerprint,
            settings.KeepMessageBodies && parsed.IsTransaction ? protector.Protect(payload.Body) : null,
            TimeSpan.FromMinutes(options.Value.DuplicateWindowMinutes));

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(context, (_, state, ct) => SaveAsync(db, guesser, clock, state, ct), null, cancellationToken);

        switch (outcome)
        {
            case Outcome.ConsentWithdrawn:
                await log.WriteAsync(l => SmsLog.RefusedWithoutConsent(l, userId));
                return NoConsent();
            case Outcome.Repeat:
                // Another request stored this very SMS between our check and our insert.
                var first = await RepeatOfAsync(db, userId, fingerprint, cancellationToken);
                await log.WriteAsync(l => SmsLog.Repeated(l, userId, first?.MessageId ?? Guid.Empty));
                return Answer(SmsMessageStatus.Duplicate, null, parsedResponse, await ExpenseAsync(db, first?.ExpenseId, cancellationToken));
            case Outcome.Saved saved:
                if (saved.Message.Status == SmsMessageStatus.Created)
                {
                    await cache.ChangedAsync(userId, saved.Message.ExpenseId!.Value, cancellationToken);
                }

                var message = saved.Message;
                await log.WriteAsync(l => SmsLog.Ingested(l, message.Id, userId, message.Status.ToString(), message.IgnoredReason, message.ExpenseId));
                var expense = await ExpenseAsync(db, message.ExpenseId, cancellationToken);
                return Answer(message.Status, message.IgnoredReason, parsedResponse, expense);
            default:
                throw new InvalidOperationException($"Unexpected ingestion outcome {outcome}.");
        }
    }

    private static async Task<Outcome> SaveAsync(
        OutlayDbContext db, CategoryGuesser guesser, TimeProvider clock, IngestContext context, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The consent check and a per-user lock in one statement: a concurrent ingestion for this user waits here
        // until we commit, so it sees our expense when it looks for the same transaction; and a user who has
        // just turned ingestion off gets nothing stored.
        var now = clock.GetUtcNow();
        var locked = await db.SmsSettings.Where(s => s.UserId == context.UserId && s.IsEnabled)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastIngestedAt, now), cancellationToken);
        if (locked == 0)
        {
            return new Outcome.ConsentWithdrawn();
        }

        var message = new SmsMessage
        {
            UserId = context.UserId,
            Sender = context.Payload.Sender,
            ReceivedAt = context.ReceivedAt,
            Fingerprint = context.Fingerprint,
            ProtectedBody = context.ProtectedBody,
        };
        db.SmsMessages.Add(message);
        await DecideAsync(db, guesser, clock, context, message, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return new Outcome.Repeat();
        }

        await transaction.CommitAsync(cancellationToken);
        return new Outcome.Saved(message);
    }

    /// <summary>Sets the message's status, and adds the expense when the SMS is a new debit.</summary>
    private static async Task DecideAsync(
        OutlayDbContext db, CategoryGuesser guesser, TimeProvider clock, IngestContext context, SmsMessage message, CancellationToken cancellationToken)
    {
        var parsed = context.Parsed;
        if (!parsed.IsTransaction || parsed.Amount is not { } amount)
        {
            Ignore(message, parsed.IgnoredReason ?? "not-a-transaction");
            return;
        }

        if (parsed.Direction != SmsDirection.Debit)
        {
            Ignore(message, "credit");
            return;
        }

        // A bank's SMS without a currency is in the account's currency; the user's own is the best guess we have.
        var currency = parsed.Currency ?? context.UserCurrency;
        var parsedDayIsReceivedDay = parsed.Date is null || parsed.Date == context.ReceivedDay;
        var merchant = parsed.Merchant is { Length: > ExpenseRules.MaxMerchantLength } longName ? longName[..ExpenseRules.MaxMerchantLength] : parsed.Merchant;
        var (draft, errors) = new ExpenseDraft(
            amount, currency, parsed.Date ?? context.ReceivedDay, parsedDayIsReceivedDay ? context.ReceivedAt : null,
            merchant, null, null, null).Validate(clock);
        if (errors.ContainsKey("occurredOn"))
        {
            // A misread date (a year out) must not lose the payment: the day it was received stands in.
            (draft, errors) = (draft with { OccurredOn = context.ReceivedDay, OccurredAt = context.ReceivedAt }).Validate(clock);
        }

        if (errors.ContainsKey("currency"))
        {
            Ignore(message, "unknown-currency");
            return;
        }

        if (errors.Count > 0)
        {
            Ignore(message, "invalid-amount");
            return;
        }

        var tail = Truncate(parsed.AccountTail, 8);
        var reference = Truncate(parsed.Reference, 64);
        if (await SameTransactionAsync(db, context, draft, tail, reference, cancellationToken) is { } existing)
        {
            message.Status = SmsMessageStatus.Duplicate;
            message.ExpenseId = existing;
            return;
        }

        var expense = new Expense
        {
            UserId = context.UserId,
            Currency = draft.Currency,
            Source = ExpenseSource.Sms,
            AccountTail = tail,
            Reference = reference,
        };
        draft.ApplyTo(expense);
        var chooser = await guesser.ForUserAsync(context.UserId, [expense.MerchantKey ?? string.Empty], cancellationToken);
        if (chooser.Choose(draft.Merchant, null) is not { } category)
        {
            Ignore(message, "no-category");
            return;
        }

        expense.CategoryId = category;
        db.Expenses.Add(expense);
        message.Status = SmsMessageStatus.Created;
        message.ExpenseId = expense.Id;
    }

    /// <summary>
    /// The expense an earlier SMS already recorded for this payment: the same reference and amount, or the same
    /// amount on the same account and day received within the window. Deleted expenses count, so a payment the
    /// user deleted does not come back with the next text about it.
    /// </summary>
    private static async Task<Guid?> SameTransactionAsync(
        OutlayDbContext db, IngestContext context, ExpenseDraft draft, string? tail, string? reference, CancellationToken cancellationToken)
    {
        var expenses = db.Expenses.IgnoreQueryFilters()
            .Where(e => e.UserId == context.UserId && e.Source == ExpenseSource.Sms && e.Amount == draft.Amount && e.Currency == draft.Currency);
        if (reference is not null
            && await expenses.Where(e => e.Reference == reference).OrderBy(e => e.Id).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken) is { } byReference)
        {
            return byReference;
        }

        if (tail is null)
        {
            // Without an account two equal purchases minutes apart are indistinguishable from one told twice; keep both.
            return null;
        }

        var from = context.ReceivedAt - context.DuplicateWindow;
        var to = context.ReceivedAt + context.DuplicateWindow;
        return await db.SmsMessages
            .Where(m => m.UserId == context.UserId && m.Status == SmsMessageStatus.Created && m.ReceivedAt >= from && m.ReceivedAt <= to)
            .Join(expenses.Where(e => e.AccountTail == tail && e.OccurredOn == draft.OccurredOn), m => m.ExpenseId, e => (Guid?)e.Id, (m, e) => e.Id)
            .OrderBy(id => id)
            .Select(id => (Guid?)id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<(Guid MessageId, Guid? ExpenseId)?> RepeatOfAsync(
        OutlayDbContext db, Guid userId, byte[] fingerprint, CancellationToken cancellationToken)
    {
        var earlier = await db.SmsMessages.AsNoTracking()
            .Where(m => m.UserId == userId && m.Fingerprint == fingerprint)
            .Select(m => new { m.Id, m.ExpenseId })
            .SingleOrDefaultAsync(cancellationToken);
        return earlier is null ? null : (earlier.Id, earlier.ExpenseId);
    }

    private static async Task<ExpenseResponse?> ExpenseAsync(OutlayDbContext db, Guid? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return null;
        }

        var found = await db.Expenses.AsNoTracking().Where(e => e.Id == id)
            .Join(db.Categories, e => e.CategoryId, c => c.Id, (e, c) => new { Expense = e, CategoryName = c.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : ExpenseResponse.From(found.Expense, found.CategoryName);
    }

    /// <summary>SHA-256 of the user, the sender without punctuation or case, and the body: what makes two posts one SMS.</summary>
    private static byte[] Fingerprint(Guid userId, string? sender, string body)
    {
        var normalizedSender = new string((sender ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}\n{normalizedSender}\n{body}"));
    }

    private static DateOnly ReceivedDay(DateTimeOffset receivedAt, string timeZone)
    {
        var zone = Reports.ReportPeriod.Zone(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, zone).DateTime);
    }

    private static void Ignore(SmsMessage message, string reason)
    {
        message.Status = SmsMessageStatus.Ignored;
        message.IgnoredReason = Truncate(reason, SmsMessage.MaxReasonLength);
    }

    private static string? Truncate(string? value, int length) => value?.Length > length ? value[..length] : value;

    private static Created<SmsIngestResponse> Answer(SmsMessageStatus status, string? reason, ParsedSmsResponse parsed, ExpenseResponse? expense) =>
        TypedResults.Created(
            status == SmsMessageStatus.Created && expense is not null ? $"/api/v1/expenses/{expense.Id}" : null,
            new SmsIngestResponse(status, reason, parsed, expense));

    private static ProblemHttpResult NoConsent() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "SMS ingestion is turned off.",
        detail: "Turn it on with PUT /api/v1/me/sms-settings {\"enabled\": true}; nothing was stored.");

    private sealed record IngestContext(
        Guid UserId,
        SmsPayload Payload,
        ParsedSms Parsed,
        DateTimeOffset ReceivedAt,
        DateOnly ReceivedDay,
        string UserCurrency,
        byte[] Fingerprint,
        string? ProtectedBody,
        TimeSpan DuplicateWindow);

    private abstract record Outcome
    {
        public sealed record Saved(SmsMessage Message) : Outcome;

        public sealed record Repeat : Outcome;

        public sealed record ConsentWithdrawn : Outcome;
    }

    /// <summary>
    /// When the token came in the URL path, the request's logging scope (written by the JSON console logger with
    /// IncludeScopes) holds it in RequestPath. Those requests log from a context that carries no request scope.
    /// </summary>
    private sealed record RequestLog(ILogger Logger, bool TokenInPath)
    {
        public Task WriteAsync(Action<ILogger> write)
        {
            if (!TokenInPath)
            {
                write(Logger);
                return Task.CompletedTask;
            }

            using (ExecutionContext.SuppressFlow())
            {
                return Task.Run(() => write(Logger));
            }
        }
    }
}
