using ProServ.Integration.TestUtils.Docs;

namespace ProServ.Integration.Tests.Docs;

public sealed class DocSnippetsTests
{
    private const string Markdown = """
        # Title

        <!-- snippet: greet -->
        ```csharp
        var greeting = "hello";
            Console.WriteLine(greeting);
        ```

        ```csharp
        var unmarked = 1;
        ```
        """;

    [Fact]
    public void Compare_SameCodeDifferentIndentation_NoProblem()
    {
        var regions = DocSnippets.ReadRegions([("a.cs", "class A {\n    void M() {\n        #region docs:greet\n        var greeting = \"hello\";\n        Console.WriteLine(greeting);\n        #endregion\n    }\n}")]);

        var problems = DocSnippets.Compare(DocSnippets.ReadSnippets(Markdown), regions, requireEveryCSharpBlockMarked: false);

        Assert.Empty(problems);
    }

    [Fact]
    public void Compare_DriftedMissingAndUnmarked_AllReported()
    {
        var drifted = DocSnippets.ReadRegions([("a.cs", "#region docs:greet\nvar greeting = \"hi\";\nConsole.WriteLine(greeting);\n#endregion\n")]);

        var problems = DocSnippets.Compare(DocSnippets.ReadSnippets(Markdown), drifted);
        var missing = DocSnippets.Compare(DocSnippets.ReadSnippets(Markdown), new Dictionary<string, string>(StringComparer.Ordinal), requireEveryCSharpBlockMarked: false);

        Assert.Equal(2, problems.Count);
        Assert.Contains("'greet' differs", problems[0], StringComparison.Ordinal);
        Assert.Contains("without <!-- snippet: name -->", problems[1], StringComparison.Ordinal);
        Assert.Contains("has no '#region docs:greet'", Assert.Single(missing), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSnippets_MarkerSeparatedByText_DoesNotApply()
    {
        var snippets = DocSnippets.ReadSnippets("<!-- snippet: a -->\nSome words.\n```csharp\nx();\n```\n");

        Assert.Null(Assert.Single(snippets).Name);
    }

    [Fact]
    public void ReadRegions_NestedRegionAndDuplicate_HandledAndRejected()
    {
        var regions = DocSnippets.ReadRegions([("a.cs", "#region docs:outer\na();\n#region inner\nb();\n#endregion\nc();\n#endregion\n")]);

        Assert.Equal("a(); #region inner b(); #endregion c();", DocSnippets.Normalize(regions["outer"]));
        Assert.Throws<InvalidOperationException>(() => DocSnippets.ReadRegions([("a.cs", "#region docs:x\n#endregion\n"), ("b.cs", "#region docs:x\n#endregion\n")]));
        Assert.Throws<InvalidOperationException>(() => DocSnippets.ReadRegions([("a.cs", "#region docs:open\nx();\n")]));
    }
}
