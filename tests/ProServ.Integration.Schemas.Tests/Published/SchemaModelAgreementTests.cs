using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ProServ.Integration.Events;
using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Schemas.Tests.Published;

/// <summary>Proves by reflection over the source-generated <see cref="JsonTypeInfo"/> that the published schemas and the CLR model describe the same wire format.</summary>
public sealed class SchemaModelAgreementTests
{
    /// <summary>Every object schema (a record or a nested object) and the CLR type it describes.</summary>
    public static TheoryData<string, string> ObjectSchemas()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in CanonicalSchemaIds.RecordTypes)
        {
            data.Add(type.Name, FileOf(type));
        }

        data.Add(nameof(RateCardEntry), "contract-line.v1.schema.json#rate-card-entry");
        data.Add(nameof(InvoiceLine), "invoice.v1.schema.json#invoice-line");
        data.Add(nameof(ExternalReference), "common.v1.schema.json#external-reference");
        data.Add(nameof(TaxProfile), "common.v1.schema.json#tax-profile");
        data.Add(nameof(PostalAddress), "common.v1.schema.json#postal-address");
        return data;
    }

    public static TheoryData<string> RecordTypeNames() => [.. CanonicalSchemaIds.RecordTypes.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(ObjectSchemas))]
    public void Properties_SchemaAndJsonTypeInfo_SameNamesInSameOrder(string typeName, string location)
    {
        var typeInfo = TypeInfo(typeName);
        var schema = ObjectSchema(location);

        Assert.Equal(typeInfo.Properties.Select(p => p.Name), SchemaDocuments.PropertyNames(schema), StringComparer.Ordinal);
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean(), $"{location} is not closed.");
    }

    [Theory]
    [MemberData(nameof(ObjectSchemas))]
    public void Required_SchemaAndReader_SameProperties(string typeName, string location)
    {
        var typeInfo = TypeInfo(typeName);
        var readerRequires = typeInfo.Properties
            .Where(p => p.IsRequired || p.AssociatedParameter is { IsMemberInitializer: false, HasDefaultValue: false })
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(readerRequires, SchemaDocuments.Required(ObjectSchema(location)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ObjectSchemas))]
    public void Properties_EveryProperty_HasDescription(string typeName, string location)
    {
        Assert.NotNull(typeName);
        var schema = ObjectSchema(location);
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            Assert.True(property.Value.TryGetProperty("description", out var description) && description.GetString()!.Length > 10, $"{location}: '{property.Name}' has no description.");
        }
    }

    [Theory]
    [MemberData(nameof(ObjectSchemas))]
    public void Properties_ClrValueTypes_UseMatchingSharedDefinition(string typeName, string location)
    {
        var schema = ObjectSchema(location);
        foreach (var property in TypeInfo(typeName).Properties)
        {
            var clrType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            string[]? expected = clrType switch
            {
                _ when clrType == typeof(Money) => ["rounded-money", "non-negative-money", "positive-money"],
                _ when clrType == typeof(CurrencyCode) => ["currency-code"],
                _ when clrType == typeof(DateOnly) => ["date"],
                _ when clrType == typeof(DateTimeOffset) => ["date-time"],
                _ when clrType == typeof(Guid) || IsCanonicalId(clrType) => ["uuid"],
                _ when clrType == typeof(IReadOnlyList<ExternalReference>) => ["external-references"],
                _ when clrType == typeof(TaxProfile) => ["tax-profile"],
                _ when clrType == typeof(PostalAddress) => ["postal-address"],
                _ when clrType == typeof(OpenEnum<BillingMethod>) => ["billing-method"],
                _ when property.Name is "tenantId" or "tenantid" => ["tenant-id"],
                _ when property.Name is "timeZone" => ["time-zone"],
                _ => null,
            };

            var propertySchema = schema.GetProperty("properties").GetProperty(property.Name);
            var resolved = SchemaDocuments.Resolve(propertySchema, SchemaDocuments.Common);
            if (expected is not null)
            {
                Assert.True(expected.Contains(SchemaDocuments.CommonRefName(propertySchema)), $"{location}: '{property.Name}' ({clrType.Name}) should $ref one of common {string.Join(", ", expected)}.");
            }
            else if (clrType == typeof(string))
            {
                Assert.Equal("string", resolved.GetProperty("type").GetString());
            }
            else if (clrType == typeof(int))
            {
                Assert.Equal("integer", resolved.GetProperty("type").GetString());
            }
            else if (clrType == typeof(decimal))
            {
                Assert.Equal("number", resolved.GetProperty("type").GetString());
            }
            else if (clrType == typeof(bool))
            {
                Assert.Equal("boolean", resolved.GetProperty("type").GetString());
            }
        }
    }

    [Theory]
    [MemberData(nameof(RecordTypeNames))]
    public void Enums_EveryOpenEnumProperty_ListsExactlyKnownWireNames(string typeName)
    {
        var type = CanonicalSchemaIds.RecordTypes.Single(t => t.Name == typeName);
        var document = SchemaDocuments.Get(FileOf(type));
        var enumProperties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in TypeInfo(typeName).Properties)
        {
            var clrType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!clrType.IsGenericType || clrType.GetGenericTypeDefinition() != typeof(OpenEnum<>))
            {
                continue;
            }

            enumProperties.Add(property.Name);
            var enumType = clrType.GetGenericArguments()[0];
            var known = (IReadOnlyList<string>)typeof(OpenEnum).GetMethod(nameof(OpenEnum.GetWireNames))!.MakeGenericMethod(enumType).Invoke(null, null)!;
            var schema = SchemaDocuments.Resolve(document.GetProperty("properties").GetProperty(property.Name), document);

            Assert.Equal(known, SchemaDocuments.EnumValues(schema));
            Assert.DoesNotContain("unknown", SchemaDocuments.EnumValues(schema), StringComparer.Ordinal);
            Assert.Equal(Enum.GetValues(enumType).Length - 1, known.Count);
        }

        // Conversely, no other property of the record is an enum (currency codes aside).
        foreach (var property in document.GetProperty("properties").EnumerateObject())
        {
            var schema = SchemaDocuments.Resolve(property.Value, document);
            if (schema.TryGetProperty("enum", out _) && SchemaDocuments.CommonRefName(property.Value) != "currency-code")
            {
                Assert.Contains(property.Name, enumProperties);
            }
        }
    }

    [Fact]
    public void CurrencyCode_SchemaEnum_EqualsCurrencyCodeAll()
    {
        Assert.Equal(CurrencyCode.All.Select(c => c.Code), SchemaDocuments.EnumValues(SchemaDocuments.CommonDef("currency-code")), StringComparer.Ordinal);
    }

    [Fact]
    public void Money_SchemaProperties_EqualConverterOutput()
    {
        var written = CanonicalJson.SerializeToElement(Money.Of(1234.50m, CurrencyCode.Usd));
        var schema = SchemaDocuments.CommonDef("money");

        Assert.Equal(written.EnumerateObject().Select(p => p.Name), SchemaDocuments.PropertyNames(schema), StringComparer.Ordinal);
        Assert.Equal(["amount", "currency"], SchemaDocuments.Required(schema));
        Assert.Equal(JsonValueKind.String, written.GetProperty("amount").ValueKind);
    }

    [Fact]
    public void BusinessEvent_EveryKnownType_RefsSchemaOfItsData()
    {
        var conditions = SchemaDocuments.Get("business-event.v1.schema.json").GetProperty("allOf").EnumerateArray()
            .ToDictionary(
                c => c.GetProperty("if").GetProperty("properties").GetProperty("type").GetProperty("const").GetString()!,
                c => c.GetProperty("then").GetProperty("properties"),
                StringComparer.Ordinal);

        Assert.Equal(BusinessEventTypes.All.Order(StringComparer.Ordinal), conditions.Keys.Order(StringComparer.Ordinal));
        foreach (var type in BusinessEventTypes.All)
        {
            var record = type.Split('.')[2];
            Assert.Equal($"{record}.v1.schema.json", conditions[type].GetProperty("data").GetProperty("$ref").GetString());
            Assert.Equal($"{CanonicalSchemaIds.BaseUri}{record}.v1.schema.json", conditions[type].GetProperty("dataschema").GetProperty("const").GetString());
        }
    }

    [Fact]
    public void Schemas_SharedDefinitions_NeverDuplicated()
    {
        var shared = SchemaDocuments.Common.GetProperty("$defs").EnumerateObject().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var type in CanonicalSchemaIds.RecordTypes)
        {
            var document = SchemaDocuments.Get(FileOf(type));
            if (document.TryGetProperty("$defs", out var defs))
            {
                Assert.All(defs.EnumerateObject(), d => Assert.DoesNotContain(d.Name, shared));
            }

            Assert.Equal(CanonicalSchemaIds.For(type).AbsoluteUri, document.GetProperty("$id").GetString());
            Assert.DoesNotContain("\"pattern\": \"^[0-9a-f]{8}", document.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("\"USD\"", document.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Instant_EscapedPlusInOffset_SchemaAndReaderBothAccept()
    {
        // Default System.Text.Json writers escape '+' as \u002B; it is the same JSON string, so both sides must accept it.
        var payment = CanonicalRecords.ToNode(CanonicalRecords.ByType[typeof(Payment)][0]);
        payment["receivedAt"] = "2026-03-14T09:30:00+01:00";
        var json = payment.ToJsonString();
        Assert.Contains("\\u002B01:00", json, StringComparison.Ordinal);

        var read = CanonicalJson.Deserialize<Payment>(json);

        Assert.Equal(TimeSpan.FromHours(1), read.ReceivedAt.Offset);
        Assert.True(Schemas.Catalog.SchemaCatalog.Default.GetFor(typeof(Payment)).Schema.Validate(System.Text.Encoding.UTF8.GetBytes(json)).IsValid);
    }

    private static string FileOf(Type type) => $"{CanonicalSchemaIds.GetSchemaName(type)}.v1.schema.json";

    private static bool IsCanonicalId(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICanonicalId<>));

    private static JsonTypeInfo TypeInfo(string typeName)
    {
        var assembly = typeof(CanonicalJson).Assembly;
        var type = assembly.GetType("ProServ.Integration.Model." + typeName) ?? assembly.GetType("ProServ.Integration.Events." + typeName)!;
        var typeInfo = CanonicalJson.Options.GetTypeInfo(type);
        Assert.Equal(JsonTypeInfoKind.Object, typeInfo.Kind);
        return typeInfo;
    }

    private static JsonElement ObjectSchema(string location)
    {
        var parts = location.Split('#');
        var document = SchemaDocuments.Get(parts[0]);
        return parts.Length == 1 ? document : document.GetProperty("$defs").GetProperty(parts[1]);
    }
}
