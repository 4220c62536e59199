using System.Reflection;
using System.Text.Json;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Schemas.Tests.Catalog;

/// <summary>Checks that hold for whatever schemas are published in <c>schemas/</c> and embedded into the package.</summary>
public sealed class EmbeddedSchemaCatalogTests
{
    private const string ResourcePrefix = "ProServ.Integration.Schemas.";

    /// <summary>The canonical record types and their schema names; <c>common</c> holds shared definitions only and <c>mapping</c> describes mapping documents, not records.</summary>
    private static readonly string[] CanonicalTypeNames =
    [
        "Client", "Opportunity", "Engagement", "ContractLine", "Resource", "ResourceAssignment", "Milestone",
        "TimeEntry", "Expense", "BillingEvent", "Invoice", "Payment", "BusinessEvent",
    ];

    private static readonly string[] SchemasWithoutClrType = ["common", "mapping"];

    private static readonly Assembly ModelAssembly = typeof(ProServ.Integration.Errors.IntegrationException).Assembly;

    private static SchemaCatalog Catalog => SchemaCatalog.Default;

    [Fact]
    public void Default_SameInstanceEveryTime()
    {
        Assert.Same(SchemaCatalog.Default, SchemaCatalog.Default);
    }

    [Fact]
    public void Default_HoldsEveryEmbeddedSchemaResource()
    {
        var resources = typeof(SchemaCatalog).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".schema.json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal);

        Assert.Equal(resources, Catalog.Schemas.Select(s => s.FileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Default_HoldsEveryPublishedFileByteForByte()
    {
        var published = Directory.GetFiles(RepositoryLayout.SchemasFolder, "*.json")
            .Select(p => (Name: Path.GetFileName(p), Bytes: File.ReadAllBytes(p)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(published.Select(f => f.Name), Catalog.Schemas.Select(s => s.FileName).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (name, bytes) in published)
        {
            Assert.True(Catalog.Schemas.Single(s => s.FileName == name).Utf8Json.Span.SequenceEqual(bytes), $"{name} differs from its embedded copy.");
        }
    }

    [Fact]
    public void Default_EverySchema_FollowsNamingRules()
    {
        foreach (var schema in Catalog.Schemas)
        {
            Assert.Equal($"{schema.Reference.Name}.v{schema.Reference.Major}.schema.json", schema.FileName);
            Assert.Equal(schema.Reference, SchemaReference.Parse(schema.Reference.ToString()));
            Assert.Equal($"https://schemas.proserv.dev/integration/{schema.FileName}", schema.Id.AbsoluteUri);
            Assert.False(string.IsNullOrWhiteSpace(schema.Title), $"{schema.FileName} has no title.");
        }

        Assert.Equal(Catalog.Schemas.Count, Catalog.Schemas.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Default_EverySchema_IsDraft202012Object()
    {
        foreach (var schema in Catalog.Schemas)
        {
            using var document = JsonDocument.Parse(schema.Utf8Json);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            Assert.True(document.RootElement.TryGetProperty("$schema", out var dialect), $"{schema.FileName} has no $schema.");
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", dialect.GetString());
        }
    }

    [Fact]
    public void Default_EveryRef_ResolvesInsideCatalog()
    {
        var problems = new List<string>();
        var documents = Catalog.Schemas.ToDictionary(s => s.Id, s => JsonDocument.Parse(s.Utf8Json));
        try
        {
            foreach (var schema in Catalog.Schemas)
            {
                foreach (var reference in Refs(documents[schema.Id].RootElement))
                {
                    var target = new Uri(schema.Id, reference);
                    var documentUri = new Uri(target.GetLeftPart(UriPartial.Query));
                    if (!documents.TryGetValue(documentUri, out var targetDocument))
                    {
                        problems.Add($"{schema.FileName}: $ref '{reference}' names {documentUri}, which is not in the catalog.");
                    }
                    else if (!ResolvesFragment(targetDocument.RootElement, Uri.UnescapeDataString(target.Fragment.TrimStart('#'))))
                    {
                        problems.Add($"{schema.FileName}: $ref '{reference}' has no target in {documentUri}.");
                    }
                }
            }
        }
        finally
        {
            foreach (var document in documents.Values)
            {
                document.Dispose();
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Default_EverySchema_CompilesWithCatalogRegistry()
    {
        foreach (var schema in Catalog.Schemas)
        {
            var compiled = schema.Schema;
            Assert.Same(compiled, schema.Schema);
            Assert.Equal(schema.Id, compiled.BaseUri);
        }
    }

    [Fact]
    public void Default_EveryCanonicalRecordType_HasSchema()
    {
        var missing = new List<string>();
        foreach (var type in CanonicalRecordTypes())
        {
            if (!Catalog.Schemas.Any(s => s.ClrType == type))
            {
                missing.Add($"{type.FullName} (expected schemas/{ToKebab(type.Name)}.v1.schema.json)");
            }
            else
            {
                Assert.Equal(ToKebab(type.Name), Catalog.GetFor(type).Reference.Name);
            }
        }

        Assert.True(missing.Count == 0, "Canonical record types without a published schema: " + string.Join(", ", missing));
    }

    [Fact]
    public void Default_EverySchemaButShared_DescribesCanonicalType()
    {
        foreach (var schema in Catalog.Schemas.Where(s => !SchemasWithoutClrType.Contains(s.Reference.Name)))
        {
            Assert.True(schema.ClrType is not null, $"{schema.FileName} describes no CLR type in ProServ.Integration.Model or ProServ.Integration.Events.");
            Assert.Equal(ToKebab(schema.ClrType!.Name), schema.Reference.Name);
        }

        foreach (var name in SchemasWithoutClrType)
        {
            Assert.All(Catalog.Schemas.Where(s => s.Reference.Name == name), s => Assert.Null(s.ClrType));
        }
    }

    [Fact]
    public void CanonicalTypeNames_ConventionMapsBothWays()
    {
        foreach (var typeName in CanonicalTypeNames)
        {
            var kebab = ToKebab(typeName);
            Assert.True(SchemaReference.TryParse(kebab + "@1", out _), $"'{kebab}' is not a valid schema name.");
            var catalog = new SchemaCatalogBuilder()
                .Add($"{kebab}.v1.schema.json", $$"""{ "$id": "https://x.test/{{kebab}}.v1.schema.json", "title": "t" }""")
                .Build();
            var resolved = catalog.GetLatest(kebab).ClrType;
            var existing = ModelAssembly.GetType("ProServ.Integration.Model." + typeName) ?? ModelAssembly.GetType("ProServ.Integration.Events." + typeName);
            Assert.Equal(existing, resolved);
        }
    }

    [Fact]
    public void CanonicalRecordTypes_AreTheKnownCanonicalTypes()
    {
        // Every canonical record type is one the schema set is planned for; a new one needs a schema and an entry above.
        Assert.All(CanonicalRecordTypes(), t => Assert.Contains(t.Name, CanonicalTypeNames, StringComparer.Ordinal));
    }

    private static IEnumerable<Type> CanonicalRecordTypes()
    {
        var recordInterface = ModelAssembly.GetType("ProServ.Integration.Model.ICanonicalRecord");
        return ModelAssembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsNested: false, IsGenericTypeDefinition: false }
                && t.Namespace is "ProServ.Integration.Model" or "ProServ.Integration.Events"
                && ((recordInterface is not null && recordInterface.IsAssignableFrom(t)) || t.Name == "BusinessEvent"))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
    }

    private static string ToKebab(string typeName) =>
        string.Concat(typeName.Select((c, i) => char.IsUpper(c) ? (i == 0 ? string.Empty : "-") + char.ToLowerInvariant(c) : c.ToString()));

    private static IEnumerable<string> Refs(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("$ref") && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }

                foreach (var nested in Refs(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var nested in element.EnumerateArray().SelectMany(Refs))
            {
                yield return nested;
            }
        }
    }

    private static bool ResolvesFragment(JsonElement root, string fragment)
    {
        if (fragment.Length == 0)
        {
            return true;
        }

        if (fragment[0] != '/')
        {
            return Anchors(root).Contains(fragment, StringComparer.Ordinal);
        }

        var current = root;
        foreach (var token in fragment[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Anchors(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.NameEquals("$anchor") && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Anchors(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Anchors),
        _ => [],
    };
}
