using System.Runtime.CompilerServices;

namespace ProServ.Integration.TestUtils;

/// <summary>Finds the repository's folders from a test run.</summary>
public static class RepositoryLayout
{
    private const string SolutionFile = "ProServ.Integration.sln";

    /// <summary>Gets the repository root: the first folder holding the solution file above the test binaries, or, when the
    /// build output lives outside the repository (<c>--artifacts-path /tmp/...</c>), above this source file.</summary>
    public static string Root { get; } = FindRoot();

    public static string SchemasFolder => Path.Combine(Root, "schemas");

    public static string SamplesFolder => Path.Combine(Root, "samples", "payloads");

    public static string DocsFolder => Path.Combine(Root, "docs");

    private static string FindRoot([CallerFilePath] string sourcePath = "") =>
        WalkUp(AppContext.BaseDirectory)
        ?? WalkUp(Path.GetDirectoryName(sourcePath))
        ?? throw new InvalidOperationException($"No folder holding {SolutionFile} above {AppContext.BaseDirectory} or {sourcePath}.");

    private static string? WalkUp(string? start)
    {
        for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
