using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Outlay.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A test server's warnings and errors, with their exceptions, appended to one file per test class
/// (<c>test-results/server-logs/&lt;database&gt;/&lt;Folder.TestClass&gt;.log</c>), so a failure on the
/// server side is never invisible. Every host of the class writes to the same file.
/// </summary>
public sealed class ServerLog(string path)
{
    // Hosts of one class may log at the same moment; one entry is one append.
    private static readonly Lock FileLock = new();

    private readonly List<(string Text, TaskCompletionSource Logged)> waiters = [];

    public string Path { get; } = path;

    public ILoggerProvider CreateProvider(string hostName) => new Provider(this, hostName);

    /// <summary>Completes when a warning or error containing <paramref name="text"/> is logged from now on.</summary>
    public Task WhenLoggedAsync(string text, TimeSpan timeout)
    {
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiters)
        {
            waiters.Add((text, logged));
        }

        return logged.Task.WaitAsync(timeout);
    }

    public void Write(string line)
    {
        lock (FileLock)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            File.AppendAllText(Path, line);
        }
    }

    private void Write(string hostName, string category, LogLevel level, string message, Exception? exception)
    {
        var entry = new StringBuilder()
            .Append(DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff")).Append(' ')
            .Append(level).Append(' ').Append(hostName).Append(' ').Append(category);
        if (Activity.Current is { } activity)
        {
            entry.Append(" trace=").Append(activity.TraceId);
        }

        entry.AppendLine().Append("  ").AppendLine(message);
        if (exception is not null)
        {
            entry.AppendLine(exception.ToString());
        }

        var text = entry.ToString();
        Write(text);
        lock (waiters)
        {
            foreach (var waiter in waiters.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                waiter.Logged.TrySetResult();
                waiters.Remove(waiter);
            }
        }
    }

    private sealed class Provider(ServerLog log, string hostName) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(log, hostName, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(ServerLog log, string hostName, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Write(hostName, category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
