using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Outlay.Api.Auth;
using Outlay.Api.Budgets;
using Outlay.Api.Categories;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;
using Outlay.Api.Insights;

namespace Outlay.Api.Settings;

/// <summary>The outcome of a PATCH: the new document, or errors keyed by setting (nothing saved then).</summary>
public sealed record SettingsPatchResult(RuntimeSettings? Settings, Dictionary<string, string[]> Errors);

/// <summary>
/// Holds the current dynamic configuration (an immutable snapshot), loads it from the database on first
/// use, applies admins' changes (saved with an audit entry per key in one transaction), and signals
/// <see cref="GetChangeToken"/> so options and caches built from it follow. Other instances hear of a
/// change on the Redis channel <c>{InstanceName}settings-changed</c>, and every instance re-reads every
/// 30 s anyway (<see cref="SettingsChangeListener"/>, <see cref="SettingsRefresher"/>).
/// </summary>
public sealed partial class SettingsStore(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider clock,
    RedisBroadcast broadcast,
    ILogger<SettingsStore> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock loadLock = new();
    private readonly Lazy<JsonObject> defaults = new(() => StaticDefaults(configuration));
    private Snapshot? snapshot;
    private CancellationTokenSource changes = new();

    /// <summary>Identifies this process's messages, so it skips its own.</summary>
    internal string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The current document (static defaults plus what admins set).</summary>
    public RuntimeSettings Current => Load().Settings;

    /// <summary>Bumped on every change; lets readers rebuild what they derive from the settings once per version.</summary>
    public long Version => Load().Version;

    /// <summary>True when an admin has set this key (otherwise it shows its static default).</summary>
    public bool IsSet(string key) => Load().Stored.ContainsKey(key);

    /// <summary>Fires once, at the next change of the settings.</summary>
    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref changes).Token);

    internal const string ChannelName = "settings-changed";

    /// <summary>
    /// Re-reads the stored settings and signals a change only when they differ from the snapshot. A failure (the
    /// database is away) is logged and keeps the current snapshot until the next re-read.
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReloadCoreAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReloadFailed(logger, exception);
        }
    }

    private async Task ReloadCoreAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
            var rows = await db.RuntimeSettings.AsNoTracking().ToListAsync(cancellationToken);
            Swap(Build(rows, loaded: true));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Applies a PATCH document of top-level keys; all or nothing.</summary>
    public async Task<SettingsPatchResult> PatchAsync(JsonElement patch, Guid? actorId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (patch.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["Send a JSON object of the settings to change."];
            return new SettingsPatchResult(null, errors);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
            // Start from what is stored now, so a change made on another instance a moment ago is not lost.
            var rows = await db.RuntimeSettings.ToDictionaryAsync(r => r.Key, cancellationToken);
            var before = Build(rows.Values, loaded: true);
            var document = JsonSerializer.SerializeToNode(before.Settings, SettingKeys.Json)!.AsObject();

            var changed = new List<(string Key, JsonNode? Old, JsonNode? New)>();
            foreach (var property in patch.EnumerateObject())
            {
                if (!SettingKeys.All.ContainsKey(property.Name))
                {
                    errors[property.Name] = [$"'{property.Name}' is not a setting. Known: {string.Join(", ", SettingKeys.All.Keys)}."];
                    continue;
                }

                var old = document[property.Name];
                JsonNode? value;
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    value = null; // back to the static default
                }
                else if (SettingKeys.Read(property.Name, property.Value, old, errors) is { } read)
                {
                    value = read;
                }
                else
                {
                    continue;
                }

                var isChange = value is null ? before.Stored.ContainsKey(property.Name) : !JsonNode.DeepEquals(old, value) || !before.Stored.ContainsKey(property.Name);
                if (isChange)
                {
                    changed.Add((property.Name, old?.DeepClone(), value));
                }
            }

            if (errors.Count > 0)
            {
                return new SettingsPatchResult(null, errors);
            }

            if (changed.Count == 0)
            {
                return new SettingsPatchResult(before.Settings, errors);
            }

            var now = clock.GetUtcNow();
            foreach (var (key, old, value) in changed)
            {
                rows.TryGetValue(key, out var row);
                if (value is null)
                {
                    if (row is not null)
                    {
                        db.RuntimeSettings.Remove(row);
                        rows.Remove(key);
                    }
                }
                else if (row is null)
                {
                    row = new RuntimeSetting { Key = key, ValueJson = value.ToJsonString(SettingKeys.Json), UpdatedAt = now, UpdatedBy = actorId };
                    db.RuntimeSettings.Add(row);
                    rows[key] = row;
                }
                else
                {
                    row.ValueJson = value.ToJsonString(SettingKeys.Json);
                    row.UpdatedAt = now;
                    row.UpdatedBy = actorId;
                }

                var newValue = value ?? defaults.Value[key]?.DeepClone();
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now,
                    ActorId = actorId,
                    Action = value is null ? "settings.reset" : "settings.update",
                    Target = key,
                    Detail = new JsonObject { ["old"] = old, ["new"] = newValue }.ToJsonString(SettingKeys.Json),
                });
            }

            // One SaveChanges is one transaction: the values and their audit entries are saved together or not at all.
            await db.SaveChangesAsync(cancellationToken);

            var after = Build(rows.Values, loaded: true);
            Swap(after);
            await PublishAsync();
            return new SettingsPatchResult(after.Settings, errors);
        }
        finally
        {
            gate.Release();
        }
    }

    private Snapshot Load()
    {
        if (Volatile.Read(ref snapshot) is { } current)
        {
            return current;
        }

        lock (loadLock)
        {
            if (snapshot is not null)
            {
                return snapshot;
            }

            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
                Volatile.Write(ref snapshot, Build(db.RuntimeSettings.AsNoTracking().ToList(), loaded: true));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Not migrated yet, or the database is down: run on the static defaults until the refresher succeeds.
                LogLoadFailed(logger, exception);
                Volatile.Write(ref snapshot, Build([], loaded: false));
            }

            return snapshot!;
        }
    }

    private void Swap(Snapshot next)
    {
        Snapshot? previous;
        lock (loadLock)
        {
            previous = snapshot;
            if (previous is not null && previous.SameAs(next))
            {
                if (!previous.Loaded)
                {
                    snapshot = next with { Version = previous.Version };
                }

                return;
            }

            snapshot = next with { Version = (previous?.Version ?? 0) + 1 };
        }

        var fired = Interlocked.Exchange(ref changes, new CancellationTokenSource());
        fired.Cancel();
        if (previous is not null)
        {
            var keys = next.Stored.Keys.Union(previous.Stored.Keys)
                .Where(k => previous.Stored.GetValueOrDefault(k) != next.Stored.GetValueOrDefault(k));
            LogChanged(logger, string.Join(", ", keys));
        }
    }

    private Snapshot Build(IEnumerable<RuntimeSetting> rows, bool loaded)
    {
        var document = defaults.Value.DeepClone().AsObject();
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!SettingKeys.All.ContainsKey(row.Key))
            {
                continue; // a key a newer version wrote, or one that was retired
            }

            var errors = new Dictionary<string, string[]>();
            JsonNode? value = null;
            try
            {
                using var json = JsonDocument.Parse(row.ValueJson);
                value = SettingKeys.Read(row.Key, json.RootElement, document[row.Key], errors);
            }
            catch (JsonException)
            {
                errors[row.Key] = ["not JSON"];
            }

            if (value is null)
            {
                LogStoredValueIgnored(logger, row.Key, string.Join("; ", errors.SelectMany(e => e.Value)));
                continue;
            }

            document[row.Key] = value;
            stored[row.Key] = value.ToJsonString(SettingKeys.Json);
        }

        var settings = document.Deserialize<RuntimeSettings>(SettingKeys.Json)!;
        return new Snapshot(settings, stored, loaded, 0);
    }

    // Saved already; without the message the other instances pick it up on their next 30-second re-read.
    private Task PublishAsync() => broadcast.PublishAsync(ChannelName, InstanceId);

    /// <summary>What the settings are when no admin has changed anything: today's static options.</summary>
    private static JsonObject StaticDefaults(IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var categories = configuration.GetSection(CategoryOptions.SectionName).Get<CategoryOptions>() ?? new CategoryOptions();
        var insights = configuration.GetSection(InsightOptions.SectionName).Get<InsightOptions>() ?? new InsightOptions();
        var settings = new RuntimeSettings
        {
            SignupsEnabled = auth.SignupsEnabled,
            AccessTokenMinutes = auth.AccessTokenMinutes,
            RefreshTokenDays = auth.RefreshTokenDays,
            BcryptCost = auth.BcryptCost,
            LoginRateLimit = auth.RateLimits.LoginPerMinute,
            DefaultCategories = [.. categories.EffectiveDefaults],
            BudgetAlertThresholds = [.. BudgetRules.BuiltInAlertAt],
            SmsTemplates = [],
            CategoryRules = [.. categories.Rules],
            // On wherever a provider is configured; an admin can switch one off at run time.
            NotificationChannels = new NotificationChannels(Sms: true, Whatsapp: true),
            Insights = insights,
        };
        return JsonSerializer.SerializeToNode(settings, SettingKeys.Json)!.AsObject();
    }

    private sealed record Snapshot(RuntimeSettings Settings, IReadOnlyDictionary<string, string> Stored, bool Loaded, long Version)
    {
        public bool SameAs(Snapshot other) =>
            Stored.Count == other.Stored.Count
            && Stored.All(p => other.Stored.TryGetValue(p.Key, out var value) && value == p.Value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-read the dynamic configuration")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the dynamic configuration; using the static defaults until it can be read")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring the stored setting {Key}: {Problem}")]
    private static partial void LogStoredValueIgnored(ILogger logger, string key, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dynamic configuration changed: {Keys}")]
    private static partial void LogChanged(ILogger logger, string keys);
}
