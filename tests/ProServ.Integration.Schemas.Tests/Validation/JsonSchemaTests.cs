using System.Text;
using System.Text.Json;
using ProServ.Integration.Schemas.Validation;
using ProServ.Integration.TestUtils.Documents;

namespace ProServ.Integration.Schemas.Tests.Validation;

public sealed class JsonSchemaTests
{
    private static readonly JsonSchema TimeEntry = JsonSchema.Parse(TimeEntryDocuments.Schema);

    private static SchemaValidationResult Validate(string schema, string instance, ValidationOutputMode mode = ValidationOutputMode.AllErrors, JsonSchemaOptions? options = null) =>
        JsonSchema.Parse(schema, options).Validate(Encoding.UTF8.GetBytes(instance), mode);

    [Fact]
    public void Validate_ValidTimeEntry_ReturnsSharedValidResult()
    {
        var result = TimeEntry.Validate(Encoding.UTF8.GetBytes(TimeEntryDocuments.Valid));

        Assert.Same(SchemaValidationResult.Valid, result);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_PatternFailureThroughRef_ReportsCodeAndLocations()
    {
        var result = TimeEntry.Validate(Encoding.UTF8.GetBytes(TimeEntryDocuments.Valid.Replace("\"1341.25\"", "\"1,341.25\"", StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("schema.pattern", error.Code);
        Assert.Equal("/amount/amount", error.InstanceLocation);
        Assert.Equal("/properties/amount/$ref/properties/amount/pattern", error.KeywordLocation);
        Assert.Contains("1,341.25", error.Message, StringComparison.Ordinal);
        Assert.Contains("^-?(0|", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidTimeEntryAllErrors_ReportsEveryFailure()
    {
        var result = TimeEntry.Validate(Encoding.UTF8.GetBytes(TimeEntryDocuments.Invalid));

        var codes = result.Errors.Select(e => e.Code + " " + e.InstanceLocation).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("schema.format /id", codes);
        Assert.Contains("schema.format /workDate", codes);
        Assert.Contains("schema.maximum /hours", codes);
        Assert.Contains("schema.multipleOf /hours", codes);
        Assert.Contains("schema.enum /status", codes);
        Assert.Contains("schema.pattern /amount/amount", codes);
        Assert.Contains("schema.enum /amount/currency", codes);
        Assert.Contains("schema.pattern /tags/1", codes);
        Assert.Contains("schema.uniqueItems /tags", codes);
        Assert.Contains("schema.enum /externalReferences/1/system", codes);
        Assert.Contains("schema.minLength /externalReferences/1/id", codes);
        Assert.Contains("schema.format /createdAt", codes);
        Assert.Contains("schema.format /approvedBy", codes);
        Assert.All(result.Errors, e => Assert.StartsWith(SchemaErrorCodes.KeywordPrefix, e.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_FirstErrorMode_StopsAtOneError()
    {
        var all = TimeEntry.Validate(Encoding.UTF8.GetBytes(TimeEntryDocuments.Invalid), ValidationOutputMode.AllErrors);
        var first = TimeEntry.Validate(Encoding.UTF8.GetBytes(TimeEntryDocuments.Invalid), ValidationOutputMode.FirstError);

        Assert.True(all.Errors.Count > 10);
        var error = Assert.Single(first.Errors);
        Assert.Equal(all.Errors[0], error);
    }

    [Fact]
    public void Validate_PropertyNameWithSlashAndTilde_EscapesJsonPointers()
    {
        var result = Validate("""{ "properties": { "a/b~c": { "type": "string" } } }""", """{ "a/b~c": 5 }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("schema.type", error.Code);
        Assert.Equal("/a~1b~0c", error.InstanceLocation);
        Assert.Equal("/properties/a~1b~0c/type", error.KeywordLocation);
        Assert.Equal("Expected type string but found integer.", error.Message);
    }

    [Fact]
    public void Validate_AdditionalPropertyNotAllowed_ReportsAdditionalPropertiesCode()
    {
        var result = TimeEntry.Validate(Encoding.UTF8.GetBytes(TimeEntryDocuments.Valid.Replace("\"billable\"", "\"bilable\"", StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("schema.additionalProperties", error.Code);
        Assert.Equal("/bilable", error.InstanceLocation);
        Assert.Equal("/additionalProperties", error.KeywordLocation);
        Assert.Contains("'bilable'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RequiredMissing_NamesTheProperty()
    {
        var result = Validate("""{ "required": ["amount", "currency"] }""", """{ "amount": "1" }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("schema.required", error.Code);
        Assert.Equal(string.Empty, error.InstanceLocation);
        Assert.Equal("/required", error.KeywordLocation);
        Assert.Contains("'currency'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RequiredPairedWithProperties_ReportsOnlyTheParentsMissingName()
    {
        // The nested object has every name; its presence must not be taken for the parent's.
        const string Schema = """
            {"properties": {"x": {"properties": {"x": {}, "y": {}}, "required": ["x", "y"]}, "y": {}}, "required": ["x", "y"]}
            """;

        var result = Validate(Schema, """{"x": {"x": 1, "y": 2}}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("schema.required", error.Code);
        Assert.Equal(string.Empty, error.InstanceLocation);
        Assert.Equal("/required", error.KeywordLocation);
        Assert.Equal("Expected required property 'y' but it is missing.", error.Message);
    }

    [Theory]
    [InlineData("""{"properties": {"\u00e9": {}}, "required": ["\u00e9"]}""", """{"\u00e9": 1}""")]
    [InlineData("""{"properties": {"a/b": {}}, "required": ["a/b"]}""", """{"a\/b": 1}""")]
    [InlineData("""{"required": ["a/b"]}""", """{"a\/b": 1}""")]
    [InlineData("""{"allOf": [{"properties": {"s": {"const": "x"}}, "required": ["s"]}], "properties": {"s": {}}, "required": ["s"]}""", """{"s": "x"}""")]
    public void Validate_RequiredNamesPresentWithEscapes_IsValid(string schema, string instance)
    {
        Assert.True(Validate(schema, instance).IsValid);
    }

    [Theory]
    [InlineData("\"00000000-0000-0000-0000-000000000000\"", false)]
    [InlineData("\"\\u00300000000-0000-0000-0000-000000000000\"", false)]
    [InlineData("\"00000000-0000-0000-0000-000000000001\"", true)]
    [InlineData("0", true)]
    public void Validate_NotConst_ComparesTheValue(string instance, bool expectedValid)
    {
        var result = Validate("""{"not": {"const": "00000000-0000-0000-0000-000000000000"}}""", instance);

        Assert.Equal(expectedValid, result.IsValid);
        if (!expectedValid)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("schema.not", error.Code);
            Assert.Equal("/not", error.KeywordLocation);
            Assert.Equal("Expected the value not to match the 'not' schema but it does: " + instance + ".", error.Message);
        }
    }

    [Theory]
    [InlineData(ValidationOutputMode.AllErrors, "schema.minimum /minimum|schema.multipleOf /multipleOf|schema.maximum /maximum")]
    [InlineData(ValidationOutputMode.FirstError, "schema.minimum /minimum")]
    public void Validate_AdjacentNumericKeywords_ReportEachInSchemaOrder(ValidationOutputMode mode, string expected)
    {
        const string Schema = """{"minimum": 10, "multipleOf": 3, "type": "number", "maximum": 2, "exclusiveMaximum": 100}""";

        var result = Validate(Schema, "4.5", mode);

        Assert.Equal(expected, string.Join("|", result.Errors.Select(e => e.Code + " " + e.KeywordLocation)));
        Assert.Equal("Expected a number greater than or equal to 10 but found 4.5.", result.Errors[0].Message);
    }

    [Fact]
    public void Validate_MalformedJson_ReturnsMalformedErrorWithPosition()
    {
        var result = TimeEntry.Validate(Encoding.UTF8.GetBytes("{\n  \"id\": [1, 2,}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(SchemaErrorCodes.MalformedJson, error.Code);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyInput_ReturnsMalformed()
    {
        var result = TimeEntry.Validate(ReadOnlyMemory<byte>.Empty);

        Assert.Equal(SchemaErrorCodes.MalformedJson, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Validate_Nested100000Deep_ReturnsTooDeep()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        var result = TimeEntry.Validate(Encoding.UTF8.GetBytes(json));

        Assert.Equal(SchemaErrorCodes.TooDeep, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Validate_DeepJsonElementAgainstRecursiveSchema_ReturnsTooDeepWithoutCrash()
    {
        var schema = JsonSchema.Parse("""{ "items": { "$ref": "#" } }""", new JsonSchemaOptions { MaxDepth = 64 });
        using var deep = JsonDocument.Parse(new string('[', 5_000) + new string(']', 5_000), new JsonDocumentOptions { MaxDepth = 10_000 });

        var result = schema.Validate(deep.RootElement);

        Assert.Contains(result.Errors, e => e.Code == SchemaErrorCodes.TooDeep);
    }

    [Fact]
    public void Validate_100MegabyteArray_ValidatesWithoutCrash()
    {
        const string Item = """{"id":1234567,"name":"abcdefghijklmnopqrstuvwxyz","ok":true},""";
        var count = (100 * 1024 * 1024) / Item.Length;
        var bytes = new byte[(count * Item.Length) + 1];
        bytes[0] = (byte)'[';
        var item = Encoding.UTF8.GetBytes(Item);
        for (var i = 0; i < count; i++)
        {
            item.CopyTo(bytes, 1 + (i * item.Length));
        }

        bytes[^1] = (byte)']';
        var schema = JsonSchema.Parse("""{ "type": "array", "items": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer" }, "name": { "maxLength": 40 } } } }""");

        var result = schema.Validate(bytes, ValidationOutputMode.FirstError);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_InvalidSchema_ListsEveryProblem()
    {
        var ex = Assert.Throws<JsonSchemaException>(() => JsonSchema.Parse(
            """{ "type": "text", "minLength": -1, "pattern": "(", "required": "id", "properties": { "a": 5 }, "$ref": "#/$defs/missing" }"""));

        Assert.Equal(JsonSchemaException.InvalidSchemaCode, ex.ErrorCode);
        Assert.Contains(ex.Problems, p => p.Contains("/type", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("/minLength", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("/pattern", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("/required", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("/properties/a", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("#/$defs/missing", StringComparison.Ordinal));
        Assert.True(ex.Problems.Count >= 6);
    }

    [Fact]
    public void Parse_MalformedSchemaJson_ThrowsJsonSchemaException()
    {
        var ex = Assert.Throws<JsonSchemaException>(() => JsonSchema.Parse("{ \"type\": "));

        Assert.Single(ex.Problems);
    }

    [Fact]
    public void Parse_RemoteRefNotRegistered_ThrowsWithoutNetwork()
    {
        var ex = Assert.Throws<JsonSchemaException>(() => JsonSchema.Parse("""{ "$ref": "https://example.com/never-fetched.json" }"""));

        Assert.Contains(ex.Problems, p => p.Contains("never-fetched.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Registry_RefAcrossDocuments_Resolves()
    {
        var registry = new JsonSchemaRegistry();
        registry.Add("""{ "$id": "https://schemas.proserv.dev/common.json", "$defs": { "currency": { "enum": ["EUR", "USD"] } } }""");
        registry.Add(new Uri("https://schemas.proserv.dev/money.json"), """{ "properties": { "currency": { "$ref": "common.json#/$defs/currency" } } }""");
        var schema = JsonSchema.Parse("""{ "properties": { "price": { "$ref": "https://schemas.proserv.dev/money.json" } } }""", new JsonSchemaOptions { Registry = registry });

        Assert.True(schema.Validate("""{ "price": { "currency": "EUR" } }"""u8.ToArray()).IsValid);
        var error = Assert.Single(schema.Validate("""{ "price": { "currency": "XXX" } }"""u8.ToArray()).Errors);
        Assert.Equal("/price/currency", error.InstanceLocation);
        Assert.Equal("/properties/price/$ref/properties/currency/$ref/enum", error.KeywordLocation);
    }

    [Fact]
    public void Registry_AddWithoutAbsoluteId_Throws()
    {
        var registry = new JsonSchemaRegistry();

        Assert.Throws<JsonSchemaException>(() => registry.Add("""{ "type": "string" }"""));
    }

    [Fact]
    public void Validate_RefLoopNotConsumingInstance_ReportsErrorWithoutCrash()
    {
        var result = Validate("""{ "$defs": { "a": { "$ref": "#/$defs/b" }, "b": { "$ref": "#/$defs/a" } }, "$ref": "#/$defs/a" }""", "1");

        Assert.False(result.IsValid);
        Assert.Equal("schema.$ref", result.Errors[0].Code);
    }

    [Fact]
    public void Validate_DateTimeWithSpaceAndNoSeconds_IsInvalid()
    {
        var result = Validate("""{ "format": "date-time" }""", "\"2025-03-14 12:30\"");

        Assert.Equal("schema.format", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Validate_AssertFormatFalse_TreatsFormatAsAnnotation()
    {
        var result = Validate("""{ "format": "date" }""", "\"not a date\"", options: new JsonSchemaOptions { AssertFormat = false });

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("0.07", true)]
    [InlineData("19.99", true)]
    [InlineData("0.075", false)]
    [InlineData("1e308", false)]
    public void Validate_MultipleOfCents_UsesExactArithmetic(string value, bool valid)
    {
        Assert.Equal(valid, Validate("""{ "multipleOf": 0.01 }""", value).IsValid);
    }

    [Fact]
    public void Validate_UniqueItems_TreatsOneAndOnePointZeroAsEqual()
    {
        Assert.False(Validate("""{ "uniqueItems": true }""", "[1, 1.0]").IsValid);
        Assert.True(Validate("""{ "uniqueItems": true }""", """[{"a": 1}, {"a": 2}]""").IsValid);
    }

    [Fact]
    public void Validate_MaxLength_CountsCodePoints()
    {
        Assert.True(Validate("""{ "maxLength": 2 }""", "\"\U0001F600\U0001F600\"").IsValid);
        Assert.False(Validate("""{ "maxLength": 1 }""", "\"\\u00e9\\u00e9\"").IsValid);
    }

    [Fact]
    public void Validate_PatternDigitClass_IsAsciiOnly()
    {
        Assert.False(Validate("""{ "pattern": "^\\d+$" }""", "\"\u0967\u0968\"").IsValid);
        Assert.True(Validate("""{ "pattern": "^\\d+$" }""", "\"12\"").IsValid);
    }

    [Fact]
    public void Validate_UnevaluatedPropertiesWithAllOf_SeesAnnotations()
    {
        const string Schema = """{ "allOf": [ { "properties": { "a": true } } ], "properties": { "b": true }, "unevaluatedProperties": false }""";

        Assert.True(Validate(Schema, """{ "a": 1, "b": 2 }""").IsValid);
        var error = Assert.Single(Validate(Schema, """{ "a": 1, "c": 2 }""").Errors);
        Assert.Equal("/c", error.InstanceLocation);
        Assert.Equal("/unevaluatedProperties", error.KeywordLocation);
    }

    [Fact]
    public void Validate_ParallelValidationOfOneSchema_GivesSameResults()
    {
        var valid = Encoding.UTF8.GetBytes(TimeEntryDocuments.Valid);
        var invalid = Encoding.UTF8.GetBytes(TimeEntryDocuments.Invalid);
        var expectedErrors = TimeEntry.Validate(invalid).Errors.Count;
        var failures = 0;

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var ok = i % 2 == 0
                ? TimeEntry.Validate(valid).IsValid
                : TimeEntry.Validate(invalid).Errors.Count == expectedErrors;
            if (!ok)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void Validate_ValidDocument_AllocatesAtMost256Bytes()
    {
        var bytes = new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(TimeEntryDocuments.Valid));
        for (var i = 0; i < 50; i++)
        {
            Assert.True(TimeEntry.Validate(bytes).IsValid);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = TimeEntry.Validate(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsValid);
        Assert.True(allocated <= 256, $"A valid document allocated {allocated} bytes (limit 256).");
    }
}
