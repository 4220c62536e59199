namespace ProServ.Integration.TestUtils.Docs;

/// <summary>A <c>```csharp</c> block of a markdown file.</summary>
/// <param name="Name">The name from the <c>&lt;!-- snippet: name --&gt;</c> line before it, or <see langword="null"/> when unmarked.</param>
/// <param name="Code">The block's text.</param>
/// <param name="Line">The 1-based line of the block's first code line.</param>
public sealed record MarkdownSnippet(string? Name, string Code, int Line);
