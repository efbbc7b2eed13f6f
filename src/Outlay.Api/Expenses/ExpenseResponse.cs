namespace Outlay.Api.Expenses;

public sealed record ExpenseResponse(
    Guid Id,
    decimal Amount,
    string Currency,
    DateOnly OccurredOn,
    DateTimeOffset? OccurredAt,
    Guid CategoryId,
    string CategoryName,
    string? Merchant,
    string? Note,
    IReadOnlyList<string> Tags,
    string? PaymentMethod,
    ExpenseSource Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static ExpenseResponse From(Expense e, string categoryName) => new(
        e.Id, Money.ToMinorUnits(e.Amount, e.Currency), e.Currency, e.OccurredOn, e.OccurredAt, e.CategoryId, categoryName,
        e.Merchant, e.Note, e.Tags, e.PaymentMethod, e.Source, e.CreatedAt, e.UpdatedAt, e.Version);

    public string ETag => ExpenseETag.For(Version);
}
