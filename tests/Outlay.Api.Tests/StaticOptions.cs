using Microsoft.Extensions.Options;

namespace Outlay.Api.Tests;

/// <summary>Options that never change, for constructing services without a host.</summary>
public sealed class StaticOptions<T>(T value) : IOptionsMonitor<T>, IOptions<T>
    where T : class
{
    public T CurrentValue => value;

    public T Value => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
