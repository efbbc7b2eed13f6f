using Outlay.Api.Categories.AutoCategorisation;
using Outlay.Api.Users;

namespace Outlay.Api.Expenses;

/// <summary>The values of an expense about to be saved, checked the same way however they arrived.</summary>
public sealed record ExpenseDraft(
    decimal Amount,
    string Currency,
    DateOnly OccurredOn,
    DateTimeOffset? OccurredAt,
    string? Merchant,
    string? Note,
    IReadOnlyList<string?>? Tags,
    string? PaymentMethod)
{
    /// <summary>Field errors keyed by the JSON names, plus the cleaned draft.</summary>
    public (ExpenseDraft Clean, Dictionary<string, string[]> Errors) Validate(TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var currency = Currency.Trim().ToUpperInvariant();
        if (!Currencies.IsKnown(currency))
        {
            errors["currency"] = [$"'{Currency}' is not an ISO 4217 currency code."];
        }
        else if (Money.Check(Amount, currency) is { } amountError)
        {
            errors["amount"] = [amountError];
        }

        if (ExpenseRules.CheckDay(OccurredOn, clock) is { } dayError)
        {
            errors["occurredOn"] = [dayError];
        }

        var merchant = ExpenseRules.Clean(Merchant);
        if (merchant?.Length > ExpenseRules.MaxMerchantLength)
        {
            errors["merchant"] = [$"At most {ExpenseRules.MaxMerchantLength} characters."];
        }

        var note = ExpenseRules.Clean(Note);
        if (note?.Length > ExpenseRules.MaxNoteLength)
        {
            errors["note"] = [$"At most {ExpenseRules.MaxNoteLength} characters."];
        }

        var paymentMethod = ExpenseRules.Clean(PaymentMethod);
        if (paymentMethod?.Length > ExpenseRules.MaxPaymentMethodLength)
        {
            errors["paymentMethod"] = [$"At most {ExpenseRules.MaxPaymentMethodLength} characters."];
        }

        var (tags, tagError) = ExpenseRules.NormalizeTags(Tags);
        if (tagError is not null)
        {
            errors["tags"] = [tagError];
        }

        return (this with
        {
            Currency = currency,
            Merchant = merchant,
            Note = note,
            PaymentMethod = paymentMethod,
            Tags = tags,
            OccurredAt = OccurredAt?.ToUniversalTime(),
        }, errors);
    }

    public void ApplyTo(Expense expense)
    {
        expense.Amount = Amount;
        expense.Currency = Currency;
        expense.OccurredOn = OccurredOn;
        expense.OccurredAt = OccurredAt;
        expense.Merchant = Merchant;
        expense.MerchantKey = Merchant is null ? null : MerchantNormaliser.Normalise(Merchant) is { Length: > 0 } key ? key : null;
        expense.Note = Note;
        expense.Tags = Tags?.Select(t => t!).ToList() ?? [];
        expense.PaymentMethod = PaymentMethod;
    }
}
