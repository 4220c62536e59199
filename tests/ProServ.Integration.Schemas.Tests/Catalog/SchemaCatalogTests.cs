using System.Text.Json;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Schemas.Tests.Catalog;

public sealed class SchemaCatalogTests
{
    private readonly SchemaCatalog _catalog = CatalogTestDocuments.Builder()
        .MapClrType("time-entry", typeof(FakeTimeEntry))
        .Build();

    [Fact]
    public void Get_KnownReference_ReturnsDescriptor()
    {
        var descriptor = _catalog.Get(SchemaReference.Parse("time-entry@2"));

        Assert.Equal(new SchemaReference("time-entry", 2), descriptor.Reference);
        Assert.Equal("time-entry.v2.schema.json", descriptor.FileName);
    }

    [Fact]
    public void Get_UnknownReference_ThrowsKeyNotFoundListingSchemas()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => _catalog.Get(SchemaReference.Parse("time-entry@3")));

        Assert.Equal("The schema catalog has no schema time-entry@3; it has common@1, time-entry@1, time-entry@2.", ex.Message);
    }

    [Fact]
    public void TryGet_UnknownOrDefault_ReturnsFalse()
    {
        Assert.False(_catalog.TryGet(new SchemaReference("invoice", 1), out var missing));
        Assert.Null(missing);
        Assert.False(_catalog.TryGet(default, out _));
        Assert.True(_catalog.TryGet(new SchemaReference("common", 1), out var common));
        Assert.Equal("Common definitions", common.Title);
    }

    [Fact]
    public void GetLatest_SeveralMajors_ReturnsHighest()
    {
        Assert.Equal(2, _catalog.GetLatest("time-entry").Reference.Major);
        Assert.Equal(1, _catalog.GetLatest("common").Reference.Major);
    }

    [Fact]
    public void GetLatest_UnknownName_ThrowsKeyNotFound()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => _catalog.GetLatest("invoice"));

        Assert.Contains("no schema named 'invoice'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => _catalog.GetLatest(null!));
    }

    [Fact]
    public void GetFor_MappedType_ReturnsLatestMajor()
    {
        var descriptor = _catalog.GetFor(typeof(FakeTimeEntry));

        Assert.Equal(new SchemaReference("time-entry", 2), descriptor.Reference);
        Assert.Equal(typeof(FakeTimeEntry), descriptor.ClrType);
        Assert.Equal(typeof(FakeTimeEntry), _catalog.Get(new SchemaReference("time-entry", 1)).ClrType);
    }

    [Fact]
    public void GetFor_TypeWithoutSchema_ThrowsKeyNotFoundNamingType()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => _catalog.GetFor(typeof(Uri)));

        Assert.Contains("'System.Uri'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected a schema named 'uri'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(FakeTimeEntry).FullName!, ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => _catalog.GetFor(null!));
    }

    [Fact]
    public void ClrType_SharedDefinitions_Null()
    {
        Assert.Null(_catalog.Get(new SchemaReference("common", 1)).ClrType);
    }

    [Fact]
    public void ClrType_NoMapping_ResolvedByConventionFromModelNamespace()
    {
        // By convention "time-entry" maps to ProServ.Integration.Model.TimeEntry when the model has it; no mapping is needed.
        var catalog = CatalogTestDocuments.Builder().Build();
        var expected = typeof(ProServ.Integration.Errors.IntegrationException).Assembly.GetType("ProServ.Integration.Model.TimeEntry");

        Assert.Equal(expected, catalog.GetLatest("time-entry").ClrType);
        if (expected is not null)
        {
            Assert.Same(catalog.GetLatest("time-entry"), catalog.GetFor(expected));
        }
    }

    [Fact]
    public void Schema_CrossFileRef_ResolvesThroughCatalog()
    {
        var schema = _catalog.Get(SchemaReference.Parse("time-entry@1")).Schema;

        using var valid = JsonDocument.Parse("""{ "id": "t-1", "hours": 7.5, "rate": { "amount": "150.00", "currency": "EUR" } }""");
        using var badCurrency = JsonDocument.Parse("""{ "id": "t-1", "hours": 7.5, "rate": { "amount": "150.00", "currency": "eur" } }""");
        using var tooLong = JsonDocument.Parse("""{ "id": "t-1", "hours": 25 }""");
        Assert.True(schema.Validate(valid.RootElement).IsValid);
        Assert.False(schema.Validate(badCurrency.RootElement).IsValid);
        Assert.False(schema.Validate(tooLong.RootElement).IsValid);
    }

    [Fact]
    public void Schema_ConcurrentFirstUse_CompiledOnce()
    {
        var descriptor = _catalog.Get(SchemaReference.Parse("time-entry@2"));

        var schemas = Enumerable.Range(0, 16).AsParallel().Select(_ => descriptor.Schema).ToArray();

        Assert.All(schemas, s => Assert.Same(schemas[0], s));
    }

    [Fact]
    public void Registry_ForeignSchemaRefsCatalogSchema_Resolves()
    {
        var registry = _catalog.Registry;
        var schema = JsonSchema.Parse(
            """{ "$id": "https://host.test/order.json", "properties": { "total": { "$ref": "https://schemas.proserv.dev/integration/common.v1.schema.json#/$defs/money" } } }""",
            new JsonSchemaOptions { Registry = registry });

        using var invalid = JsonDocument.Parse("""{ "total": { "amount": "1" } }""");
        Assert.False(schema.Validate(invalid.RootElement).IsValid);
        Assert.NotSame(registry, _catalog.Registry);
    }
}
