using Outlay.Api.Infrastructure;

namespace Outlay.Api.Tests.Infrastructure;

public sealed class PagingTests
{
    [Fact]
    public void PageOf_WithOneRowMoreThanTheLimit_ReturnsACursorToTheLastItem()
    {
        var page = Paging.PageOf([1, 2, 3], limit: 2, keyOf: i => i);

        Assert.Equal([1, 2], page.Items);
        Assert.Null(Paging.TryRead<int>(null, page.NextCursor, out _, out var after));
        Assert.Equal(2, after);
    }

    [Fact]
    public void PageOf_WithNoExtraRow_HasNoCursor() =>
        Assert.Null(Paging.PageOf([1, 2], limit: 2, keyOf: i => i).NextCursor);

    [Theory]
    [InlineData(0, null)]
    [InlineData(201, null)]
    [InlineData(10, "%%%")]
    [InlineData(10, "bm90LWpzb24")]
    public void TryRead_WithABadLimitOrCursor_IsAValidationProblem(int limit, string? cursor) =>
        Assert.NotNull(Paging.TryRead<int>(limit, cursor, out _, out _));

    [Fact]
    public void TryRead_WithNothing_DefaultsTo50() =>
        Assert.True(Paging.TryRead<int>(null, null, out var limit, out _) is null && limit == 50);
}
