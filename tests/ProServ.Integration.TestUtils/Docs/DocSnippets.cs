using System.Text;
using System.Text.RegularExpressions;

namespace ProServ.Integration.TestUtils.Docs;

/// <summary>
/// Keeps C# examples in docs/*.md identical to code the build compiles. In the markdown, put
/// <c>&lt;!-- snippet: name --&gt;</c> on the line before a <c>```csharp</c> block; in a test file, wrap the same code
/// in <c>#region docs:name</c> ... <c>#endregion</c>. <see cref="Verify(string, string)"/> fails when a block differs from
/// its region (whitespace-normalised), names a missing region, or (by default) when a <c>```csharp</c> block has no marker.
/// </summary>
public static partial class DocSnippets
{
    /// <summary>The prefix of a region that feeds a doc snippet: <c>#region docs:name</c>.</summary>
    public const string RegionPrefix = "docs:";

    /// <summary>Checks a markdown file against the <c>#region docs:</c> blocks of every .cs file under a folder.</summary>
    /// <param name="markdownPath">The markdown file.</param>
    /// <param name="sourceFolder">The folder searched (recursively) for regions, for example a test project.</param>
    /// <param name="requireEveryCSharpBlockMarked">Whether an unmarked <c>```csharp</c> block is a problem.</param>
    /// <exception cref="InvalidOperationException">Listing every problem found.</exception>
    public static void Verify(string markdownPath, string sourceFolder, bool requireEveryCSharpBlockMarked = true)
    {
        var problems = FindProblems(markdownPath, sourceFolder, requireEveryCSharpBlockMarked);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(markdownPath)} has {problems.Count} snippet problem(s):\n- " + string.Join("\n- ", problems));
        }
    }

    /// <summary>Returns every problem of a markdown file's snippets, empty when all match.</summary>
    /// <param name="markdownPath">The markdown file.</param>
    /// <param name="sourceFolder">The folder searched (recursively) for regions.</param>
    /// <param name="requireEveryCSharpBlockMarked">Whether an unmarked <c>```csharp</c> block is a problem.</param>
    /// <returns>The problems, one line each.</returns>
    public static IReadOnlyList<string> FindProblems(string markdownPath, string sourceFolder, bool requireEveryCSharpBlockMarked = true)
    {
        var regions = ReadRegions(Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(f))));
        return Compare(ReadSnippets(File.ReadAllText(markdownPath)), regions, requireEveryCSharpBlockMarked);
    }

    /// <summary>Compares snippets with regions.</summary>
    /// <param name="snippets">The markdown's C# blocks.</param>
    /// <param name="regions">The regions by name.</param>
    /// <param name="requireEveryCSharpBlockMarked">Whether an unmarked block is a problem.</param>
    /// <returns>The problems.</returns>
    public static IReadOnlyList<string> Compare(IReadOnlyList<MarkdownSnippet> snippets, IReadOnlyDictionary<string, string> regions, bool requireEveryCSharpBlockMarked = true)
    {
        ArgumentNullException.ThrowIfNull(snippets);
        ArgumentNullException.ThrowIfNull(regions);
        var problems = new List<string>();
        foreach (var snippet in snippets)
        {
            if (snippet.Name is null)
            {
                if (requireEveryCSharpBlockMarked)
                {
                    problems.Add($"line {snippet.Line}: a ```csharp block without <!-- snippet: name --> is not compiled.");
                }

                continue;
            }

            if (!regions.TryGetValue(snippet.Name, out var region))
            {
                problems.Add($"line {snippet.Line}: snippet '{snippet.Name}' has no '#region {RegionPrefix}{snippet.Name}' in the sources.");
            }
            else if (!string.Equals(Normalize(region), Normalize(snippet.Code), StringComparison.Ordinal))
            {
                problems.Add($"line {snippet.Line}: snippet '{snippet.Name}' differs from its region.\n  doc:    {Normalize(snippet.Code)}\n  region: {Normalize(region)}");
            }
        }

        return problems;
    }

    /// <summary>Reads the C# blocks of a markdown text, with their snippet names.</summary>
    /// <param name="markdown">The markdown text.</param>
    /// <returns>The blocks in order.</returns>
    public static IReadOnlyList<MarkdownSnippet> ReadSnippets(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new List<MarkdownSnippet>();
        string? pending = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            var marker = SnippetMarker().Match(trimmed);
            if (marker.Success)
            {
                pending = marker.Groups["name"].Value;
                continue;
            }

            if (trimmed.StartsWith("```csharp", StringComparison.Ordinal) || trimmed.StartsWith("```cs", StringComparison.Ordinal))
            {
                var start = i + 1;
                var code = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].Trim().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    code.Append(lines[i]).Append('\n');
                }

                result.Add(new MarkdownSnippet(pending, code.ToString(), start));
                pending = null;
                continue;
            }

            if (trimmed.Length > 0)
            {
                pending = null;
            }
        }

        return result;
    }

    /// <summary>Reads the <c>#region docs:name</c> blocks of source files.</summary>
    /// <param name="files">Pairs of file path and text.</param>
    /// <returns>Region text by name.</returns>
    /// <exception cref="InvalidOperationException">A region name is used twice or a region is not closed.</exception>
    public static IReadOnlyDictionary<string, string> ReadRegions(IEnumerable<(string Path, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var trimmed = lines[i].Trim();
                if (!trimmed.StartsWith("#region " + RegionPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var name = trimmed["#region ".Length..][RegionPrefix.Length..].Trim();
                var code = new StringBuilder();
                var depth = 0;
                var closed = false;
                for (i++; i < lines.Length; i++)
                {
                    var inner = lines[i].Trim();
                    if (inner.StartsWith("#region", StringComparison.Ordinal))
                    {
                        depth++;
                    }
                    else if (inner.StartsWith("#endregion", StringComparison.Ordinal))
                    {
                        if (depth == 0)
                        {
                            closed = true;
                            break;
                        }

                        depth--;
                    }

                    code.Append(lines[i]).Append('\n');
                }

                if (!closed)
                {
                    throw new InvalidOperationException($"{path}: region '{RegionPrefix}{name}' is not closed.");
                }

                if (!regions.TryAdd(name, code.ToString()))
                {
                    throw new InvalidOperationException($"{path}: region '{RegionPrefix}{name}' is defined twice.");
                }
            }
        }

        return regions;
    }

    /// <summary>Collapses every run of whitespace to one space and trims, so indentation and line breaks do not matter.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The normalised code.</returns>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Whitespace().Replace(code, " ").Trim();
    }

    [GeneratedRegex(@"^<!--\s*snippet:\s*(?<name>[A-Za-z0-9._-]+)\s*-->$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SnippetMarker();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
