using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Schemas.Tests.Catalog;

public sealed class SchemaCatalogBuilderTests
{
    private static string Doc(string id, string title = "A title") =>
        $$"""{ "$id": "{{id}}", "title": "{{title}}", "type": "object" }""";

    [Fact]
    public void Build_ValidDocuments_OrdersByNameThenMajor()
    {
        var catalog = CatalogTestDocuments.Builder().Build();

        Assert.Equal(["common@1", "time-entry@1", "time-entry@2"], catalog.Schemas.Select(s => s.Reference.ToString()), StringComparer.Ordinal);
    }

    [Fact]
    public void Build_ValidDocument_ReadsIdTitleFileNameAndBytes()
    {
        var catalog = CatalogTestDocuments.Builder().Build();

        var descriptor = catalog.Get(SchemaReference.Parse("time-entry@1"));

        Assert.Equal(new Uri("https://schemas.proserv.dev/integration/time-entry.v1.schema.json"), descriptor.Id);
        Assert.Equal("Time entry", descriptor.Title);
        Assert.Equal("time-entry.v1.schema.json", descriptor.FileName);
        Assert.Equal(CatalogTestDocuments.TimeEntryV1, System.Text.Encoding.UTF8.GetString(descriptor.Utf8Json.Span));
        Assert.Equal("time-entry@1 (time-entry.v1.schema.json)", descriptor.ToString());
    }

    [Fact]
    public void Add_BytesMutatedAfterAdd_CatalogKeepsCopy()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Doc("https://x.test/a.v1.schema.json"));
        var builder = new SchemaCatalogBuilder().Add("a.v1.schema.json", bytes);
        Array.Clear(bytes);

        var catalog = builder.Build();

        Assert.Equal("A title", catalog.Get(new SchemaReference("a", 1)).Title);
    }

    [Fact]
    public void Build_EveryProblem_ListedInOneException()
    {
        var builder = new SchemaCatalogBuilder()
            .Add("TimeEntry.v1.schema.json", Doc("https://x.test/TimeEntry.v1.schema.json"))
            .Add("a.v0.schema.json", Doc("https://x.test/a.v0.schema.json"))
            .Add("b.v1.json", Doc("https://x.test/b.v1.json"))
            .Add("c.v1.schema.json", "{ not json")
            .Add("d.v1.schema.json", "[1, 2]")
            .Add("e.v1.schema.json", """{ "title": "no id" }""")
            .Add("f.v1.schema.json", Doc("f.v1.schema.json"))
            .Add("g.v1.schema.json", Doc("https://x.test/other.v1.schema.json"))
            .Add("h.v2.schema.json", Doc("https://x.test/h.v1.schema.json"))
            .Add("i.v1.schema.json", """{ "$id": "https://x.test/i.v1.schema.json" }""")
            .Add("j.v1.schema.json", Doc("https://x.test/j.v1.schema.json#frag"))
            .MapClrType("nothing", typeof(string));

        var ex = Assert.Throws<SchemaCatalogException>(builder.Build);

        Assert.Equal(SchemaCatalogException.InvalidCatalogCode, ex.ErrorCode);
        Assert.False(ex.IsTransient);
        string[] expectedFiles =
        [
            "TimeEntry.v1.schema.json: the file name", "a.v0.schema.json: the file name", "b.v1.json: the file name",
            "c.v1.schema.json: the document is not valid JSON", "d.v1.schema.json: the document is not a JSON object",
            "e.v1.schema.json: the document has no string $id", "f.v1.schema.json: $id 'f.v1.schema.json' is not an absolute URI",
            "g.v1.schema.json: $id 'https://x.test/other.v1.schema.json' does not end with 'g.v1'",
            "h.v2.schema.json: $id 'https://x.test/h.v1.schema.json' does not end with 'h.v2'",
            "i.v1.schema.json: the document has no non-empty string title",
            "j.v1.schema.json: $id 'https://x.test/j.v1.schema.json#frag' is not an absolute URI without fragment",
            "MapClrType: no schema is named 'nothing'",
        ];
        Assert.Equal(expectedFiles.Length, ex.Problems.Count);
        for (var i = 0; i < expectedFiles.Length; i++)
        {
            Assert.StartsWith(expectedFiles[i], ex.Problems[i], StringComparison.Ordinal);
            Assert.Contains(ex.Problems[i], ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_SameNameAndMajorTwice_Reported()
    {
        var builder = new SchemaCatalogBuilder()
            .Add("a.v1.schema.json", Doc("https://x.test/a.v1.schema.json"))
            .Add("a.v1.schema.json", Doc("https://y.test/a.v1.schema.json"));

        var ex = Assert.Throws<SchemaCatalogException>(builder.Build);

        Assert.Equal("a.v1.schema.json: the file is added more than once.", Assert.Single(ex.Problems));
    }

    [Theory]
    [InlineData("https://x.test/a.v1")]
    [InlineData("https://x.test/a.v1.json")]
    [InlineData("https://x.test/deep/path/a.v1.schema.json")]
    public void Build_IdNamingNameAndMajor_Accepted(string id)
    {
        var catalog = new SchemaCatalogBuilder().Add("a.v1.schema.json", Doc(id)).Build();

        Assert.Equal(new Uri(id), catalog.Get(new SchemaReference("a", 1)).Id);
    }

    [Theory]
    [InlineData("https://x.test/a.v10.schema.json")]
    [InlineData("https://x.test/ba.v1.schema.json")]
    [InlineData("https://x.test/a.v1.schema.json/more")]
    public void Build_IdNamingOtherSchema_Rejected(string id)
    {
        var builder = new SchemaCatalogBuilder().Add("a.v1.schema.json", Doc(id));

        var ex = Assert.Throws<SchemaCatalogException>(builder.Build);

        Assert.Contains("does not end with 'a.v1'", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void MapClrType_InvalidName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SchemaCatalogBuilder().MapClrType("TimeEntry", typeof(string)));
        Assert.Throws<ArgumentNullException>(() => new SchemaCatalogBuilder().MapClrType("a", null!));
    }

    [Fact]
    public void Build_NoDocuments_EmptyCatalog()
    {
        var catalog = new SchemaCatalogBuilder().Build();

        Assert.Empty(catalog.Schemas);
    }
}
