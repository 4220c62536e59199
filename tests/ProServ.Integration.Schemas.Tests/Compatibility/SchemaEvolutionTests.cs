using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Schemas.Compatibility;

namespace ProServ.Integration.Schemas.Tests.Compatibility;

public sealed class SchemaEvolutionTests
{
    private const string TimeEntryV1 = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.proserv.dev/integration/time-entry.v1.schema.json",
          "title": "Time entry",
          "type": "object",
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "hours": { "type": "number", "exclusiveMinimum": 0, "maximum": 24 },
            "status": { "enum": ["draft", "submitted", "approved"] },
            "rate": { "$ref": "common.v1.schema.json#/$defs/money" }
          },
          "required": ["id", "hours", "status"]
        }
        """;

    private const string TimeEntryV2 = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.proserv.dev/integration/time-entry.v2.schema.json",
          "title": "Time entry",
          "type": "object",
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "hours": { "type": "number", "exclusiveMinimum": 0, "maximum": 16 },
            "status": { "enum": ["draft", "submitted", "approved", "invoiced"] },
            "rate": { "$ref": "common.v1.schema.json#/$defs/money" },
            "notes": { "type": "string", "maxLength": 2000 }
          },
          "required": ["id", "hours", "status"]
        }
        """;

    [Fact]
    public void Compare_RealisticV1ToV2_ReportsEachChange()
    {
        var report = SchemaCompatibilityChecker.Compare(TimeEntryV1, TimeEntryV2);

        Assert.Equal(
            [
                new SchemaChange(SchemaChangeKind.MaximumLowered, "/properties/hours/maximum", "maximum lowered from 24 to 16", true, false),
                new SchemaChange(SchemaChangeKind.EnumValueAdded, "/properties/status/enum", "enum value added \"invoiced\"", false, true),
                new SchemaChange(SchemaChangeKind.PropertyAdded, "/properties/notes", "property 'notes' added (the old schema allows any additional property)", false, false),
            ],
            report.Changes);
        Assert.Equal(CompatibilityLevel.None, report.Level);
        Assert.True(report.IsBreaking);
        Assert.Equal(
            """
            Compatibility: None (3 changes)
            BREAKS-BACKWARD /properties/hours/maximum: maximum lowered from 24 to 16
            BREAKS-FORWARD /properties/status/enum: enum value added "invoiced"
            COMPATIBLE /properties/notes: property 'notes' added (the old schema allows any additional property)
            """.ReplaceLineEndings("\n"),
            report.ToString());
        Assert.Equal(2, report.BreakingChanges.Count());
        Assert.DoesNotContain("COMPATIBLE", report.Format(includeCompatible: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Descriptors_ComparesDocuments()
    {
        var catalog = new SchemaCatalogBuilder()
            .Add("time-entry.v1.schema.json", TimeEntryV1)
            .Add("time-entry.v2.schema.json", TimeEntryV2)
            .Build();

        var report = SchemaCompatibilityChecker.Compare(catalog.Get(SchemaReference.Parse("time-entry@1")), catalog.Get(SchemaReference.Parse("time-entry@2")));

        Assert.Equal(3, report.Changes.Count);
        Assert.Equal(CompatibilityLevel.None, report.Level);
    }

    [Fact]
    public void Compare_OnlyTitleChanged_FullCompatibilityAndCompatibleLine()
    {
        var report = SchemaCompatibilityChecker.Compare(TimeEntryV1, TimeEntryV1.Replace("\"title\": \"Time entry\"", "\"title\": \"Time entry (billable work)\"", StringComparison.Ordinal));

        Assert.Equal(CompatibilityLevel.Full, report.Level);
        Assert.Equal("Compatibility: Full (1 change)\nCOMPATIBLE /title: title changed from \"Time entry\" to \"Time entry (billable work)\"", report.ToString());
    }

    [Fact]
    public void Compare_BackwardOnlyEvolution_LevelBackward()
    {
        var report = SchemaCompatibilityChecker.Compare("""{ "type": "object", "additionalProperties": false, "required": ["a"], "properties": { "a": {} } }""",
            """{ "type": "object", "additionalProperties": false, "properties": { "a": {}, "b": {} } }""");

        Assert.Equal(CompatibilityLevel.Backward, report.Level);
        Assert.True(report.IsBreaking);
        Assert.Equal([SchemaChangeKind.RequiredRemoved, SchemaChangeKind.PropertyAdded], report.Changes.Select(c => c.Kind));
        Assert.All(report.Changes, c => Assert.False(c.BreaksBackward));
        Assert.Equal(CompatibilityLevel.Backward, SchemaCompatibilityChecker.Compare("""{ "type": "integer" }""", """{ "type": "number" }""").Level);
        Assert.Equal(CompatibilityLevel.Forward, SchemaCompatibilityChecker.Compare("""{ "type": "number" }""", """{ "type": "integer" }""").Level);
    }

    [Fact]
    public void Property_AddingEnumValue_NeverBreaksBackward()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<NonEmptyString[]>(),
                ArbMap.Default.ArbFor<NonEmptyString>(),
                (values, extra) =>
                {
                    var previous = values.Select(v => v.Get).Distinct(StringComparer.Ordinal).ToArray();
                    if (previous.Contains(extra.Get, StringComparer.Ordinal))
                    {
                        return true;
                    }

                    var report = SchemaCompatibilityChecker.Compare(EnumSchema(previous), EnumSchema([.. previous, extra.Get]));
                    return report.Changes.All(c => !c.BreaksBackward)
                        && report.Level.HasFlag(CompatibilityLevel.Backward)
                        && report.Changes.Count(c => c.Kind is SchemaChangeKind.EnumValueAdded or SchemaChangeKind.EnumAdded) == 1;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_ReversedComparison_SwapsBackwardAndForward()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<int[]>(),
                ArbMap.Default.ArbFor<int[]>(),
                (a, b) =>
                {
                    var first = BoundsSchema(a);
                    var second = BoundsSchema(b);
                    var forward = SchemaCompatibilityChecker.Compare(first, second).Level;
                    var reverse = SchemaCompatibilityChecker.Compare(second, first).Level;
                    return forward.HasFlag(CompatibilityLevel.Backward) == reverse.HasFlag(CompatibilityLevel.Forward)
                        && forward.HasFlag(CompatibilityLevel.Forward) == reverse.HasFlag(CompatibilityLevel.Backward);
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_SchemaComparedWithItself_FullWithNoChanges()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<int[]>(),
                values =>
                {
                    var schema = BoundsSchema(values);
                    var report = SchemaCompatibilityChecker.Compare(schema, schema);
                    return report.Level == CompatibilityLevel.Full && report.Changes.Count == 0;
                })
            .QuickCheckThrowOnFailure();
    }

    private static string EnumSchema(string[] values) =>
        new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]) }.ToJsonString();

    /// <summary>Builds a schema whose numeric and length bounds, type and required set come from the given numbers.</summary>
    private static string BoundsSchema(int[] values)
    {
        int? At(int i) => i < values.Length ? values[i] : null;
        var schema = new JsonObject { ["type"] = "object" };
        var amount = new JsonObject { ["type"] = At(0) is { } t && t % 2 == 0 ? "integer" : "number" };
        if (At(1) is { } minimum)
        {
            amount["minimum"] = minimum;
        }

        if (At(2) is { } maximum)
        {
            amount["maximum"] = maximum;
        }

        var code = new JsonObject { ["type"] = "string" };
        if (At(3) is { } maxLength)
        {
            code["maxLength"] = Math.Abs(maxLength % 50);
        }

        if (At(4) is { } statusCount)
        {
            code["enum"] = new JsonArray([.. Enumerable.Range(0, Math.Abs(statusCount % 4) + 1).Select(i => (JsonNode?)JsonValue.Create("s" + i))]);
        }

        schema["properties"] = new JsonObject { ["amount"] = amount, ["code"] = code };
        if (At(5) is { } required)
        {
            schema["required"] = new JsonArray([.. new[] { "amount", "code" }.Take(Math.Abs(required % 3)).Select(n => (JsonNode?)JsonValue.Create(n))]);
        }

        if (At(6) is { } closed && closed % 2 == 0)
        {
            schema["additionalProperties"] = false;
        }

        return schema.ToJsonString(JsonSerializerOptions.Default);
    }
}
