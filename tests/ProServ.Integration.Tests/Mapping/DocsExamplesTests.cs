using System.Text;
using ProServ.Integration.Mapping;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Tests.Mapping;

/// <summary>Loads every mapping example of docs/mapping.md, so the page cannot drift from the engine.</summary>
public sealed class DocsExamplesTests
{
    private const string Marker = "<!-- mapping-example";
    private const string OverlayOf = "overlay-of=";

    public static TheoryData<int> ExampleLines()
    {
        var data = new TheoryData<int>();
        foreach (var example in Examples())
        {
            data.Add(example.Line);
        }

        return data;
    }

    [Fact]
    public void DocsMapping_EveryJsonBlock_IsAMarkedExample()
    {
        var lines = File.ReadAllLines(DocsPage());
        var unmarked = Enumerable.Range(0, lines.Length)
            .Where(i => lines[i].Trim() == "```json" && (i == 0 || !lines[i - 1].TrimStart().StartsWith(Marker, StringComparison.Ordinal)))
            .Select(i => i + 1)
            .ToArray();

        Assert.True(unmarked.Length == 0, $"docs/mapping.md has json blocks without '{Marker} -->' on the line before, at lines {string.Join(", ", unmarked)}.");
        Assert.True(Examples().Count >= 3, "docs/mapping.md should show at least the opportunity, overlay and outbound examples");
    }

    [Theory]
    [MemberData(nameof(ExampleLines))]
    public void DocsMapping_Example_LoadsWithoutProblems(int line)
    {
        var example = Examples().Single(e => e.Line == line);
        var file = new MappingFile($"docs/mapping.md({line})", Encoding.UTF8.GetBytes(example.Json));

        var mapping = example.OverlayOf is { } baseId
            ? MappingLoader.Default.LoadReference(baseId, file)
            : MappingLoader.Default.Load(file);

        Assert.NotNull(mapping);
    }

    private static string DocsPage() => Path.Combine(RepositoryLayout.Root, "docs", "mapping.md");

    private static List<(int Line, string Json, string? OverlayOf)> Examples()
    {
        var lines = File.ReadAllLines(DocsPage());
        var examples = new List<(int, string, string?)>();
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var marker = lines[i].Trim();
            if (!marker.StartsWith(Marker, StringComparison.Ordinal) || lines[i + 1].Trim() != "```json")
            {
                continue;
            }

            var at = marker.IndexOf(OverlayOf, StringComparison.Ordinal);
            var overlayOf = at < 0 ? null : marker[(at + OverlayOf.Length)..].Split(' ')[0];
            var end = Array.FindIndex(lines, i + 2, l => l.Trim() == "```");
            examples.Add((i + 3, string.Join('\n', lines[(i + 2)..end]), overlayOf));
        }

        return examples;
    }
}
