using ArchUnitNET.Loader;

namespace Outlay.Api.Tests.Architecture;

/// <summary>
/// The feature folders use each other only as <c>docs/architecture.md</c> allows: the test reads the page's table,
/// so the page and the code cannot drift apart, and a new dependency is a decision written down there.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private const string Root = "Outlay.Api.";

    /// <summary>Shared by every feature; they are no feature's internals.</summary>
    private static readonly HashSet<string> Shared = ["Data", "Infrastructure"];

    private static readonly ArchUnitNET.Domain.Architecture Outlay = new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build();

    [Fact]
    public void Features_UseOnlyTheFeaturesTheArchitecturePageAllows()
    {
        var allowed = AllowedByTheArchitecturePage();
        var unexpected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Outlay.Types)
        {
            if (FeatureOf(type.Namespace.FullName) is not { } from || from == "Data")
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                var to = FeatureOf(dependency.Target.Namespace.FullName);
                if (to is not null && to != from && !Shared.Contains(to) && !(allowed.TryGetValue(from, out var uses) && uses.Contains(to)))
                {
                    unexpected.Add($"{from} → {to}: {type.FullName} uses {dependency.Target.FullName}");
                }
            }
        }

        Assert.True(unexpected.Count == 0, "Dependencies docs/architecture.md does not allow:\n" + string.Join('\n', unexpected));
    }

    [Fact]
    public void ArchitecturePage_NamesEveryFeatureFolder()
    {
        var features = Outlay.Types.Select(t => FeatureOf(t.Namespace.FullName)).OfType<string>()
            .Where(f => f != "Data" && f != "Program").ToHashSet(StringComparer.Ordinal);

        Assert.Empty(features.Except(AllowedByTheArchitecturePage().Keys));
    }

    /// <summary>The rows of the page's "feature | may use" table.</summary>
    private static Dictionary<string, HashSet<string>> AllowedByTheArchitecturePage()
    {
        var page = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "architecture.md"));
        var header = Array.FindIndex(page, line => line.StartsWith("| feature | may use |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/architecture.md has no \"| feature | may use |\" table.");
        return page.Skip(header + 2).TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(
                cells => cells[1],
                cells => cells[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    private static string? FeatureOf(string ns)
    {
        if (!ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[Root.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Outlay.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: no Outlay.slnx above " + AppContext.BaseDirectory);
    }
}
