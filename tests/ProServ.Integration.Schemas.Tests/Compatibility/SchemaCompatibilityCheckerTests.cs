using System.Text.Json;
using ProServ.Integration.Schemas.Compatibility;

namespace ProServ.Integration.Schemas.Tests.Compatibility;

public sealed class SchemaCompatibilityCheckerTests
{
    private static CompatibilityReport Compare(string previous, string next) => SchemaCompatibilityChecker.Compare(previous, next);

    private static SchemaChange AssertSingle(string previous, string next, SchemaChangeKind kind, string location, bool breaksBackward, bool breaksForward)
    {
        var report = Compare(previous, next);
        var change = Assert.Single(report.Changes);
        Assert.Equal(kind, change.Kind);
        Assert.Equal(location, change.Location);
        Assert.Equal(breaksBackward, change.BreaksBackward);
        Assert.Equal(breaksForward, change.BreaksForward);
        var expectedLevel = (breaksBackward ? CompatibilityLevel.None : CompatibilityLevel.Backward) | (breaksForward ? CompatibilityLevel.None : CompatibilityLevel.Forward);
        Assert.Equal(expectedLevel, report.Level);
        return change;
    }

    private static string Obj(string properties, string extra = "") =>
        $$"""{ "type": "object", "properties": { {{properties}} }{{(extra.Length == 0 ? string.Empty : ", " + extra)}} }""";

    [Theory]
    [InlineData("""{ "type": "string" }""", """{ "type": "string" }""")]
    [InlineData("""{ "type": "string" }""", """{ "type": ["string"] }""")]
    [InlineData("""{ "type": "string" }""", """{ "type": "string", "minLength": 0 }""")]
    [InlineData("""{ "properties": { "a": true } }""", """{ "properties": { "a": {} } }""")]
    [InlineData("""{ "type": ["integer", "number"] }""", """{ "type": "number" }""")]
    [InlineData("""{ "enum": ["a", "b"] }""", """{ "enum": ["b", "a"] }""")]
    [InlineData("""{ "required": ["a", "b"] }""", """{ "required": ["b", "a"] }""")]
    [InlineData("""{ "$id": "https://x.test/a.v1.schema.json" }""", """{ "$id": "https://x.test/a.v2.schema.json" }""")]
    [InlineData("true", "{}")]
    public void Compare_EquivalentSchemas_FullWithNoChanges(string previous, string next)
    {
        var report = Compare(previous, next);

        Assert.Empty(report.Changes);
        Assert.Equal(CompatibilityLevel.Full, report.Level);
        Assert.False(report.IsBreaking);
    }

    [Fact]
    public void Compare_PropertyAddedToOpenSchema_CompatibleBothWays()
    {
        var change = AssertSingle(Obj("\"a\": { \"type\": \"string\" }"), Obj("\"a\": { \"type\": \"string\" }, \"b\": { \"type\": \"integer\" }"),
            SchemaChangeKind.PropertyAdded, "/properties/b", false, false);
        Assert.Equal("property 'b' added (the old schema allows any additional property)", change.Description);
    }

    [Fact]
    public void Compare_PropertyAddedToClosedSchema_BreaksForward()
    {
        AssertSingle(Obj("\"a\": {}", "\"additionalProperties\": false"), Obj("\"a\": {}, \"b\": {}", "\"additionalProperties\": false"),
            SchemaChangeKind.PropertyAdded, "/properties/b", false, true);
    }

    [Fact]
    public void Compare_PropertyAddedToSchemaClosedByUnevaluatedProperties_BreaksForward()
    {
        AssertSingle(Obj("\"a\": {}", "\"unevaluatedProperties\": false"), Obj("\"a\": {}, \"b\": {}", "\"unevaluatedProperties\": false"),
            SchemaChangeKind.PropertyAdded, "/properties/b", false, true);
    }

    [Fact]
    public void Compare_PropertyAddedMatchingOldAdditionalPropertiesSchema_Compatible()
    {
        AssertSingle(Obj("\"a\": {}", "\"additionalProperties\": { \"type\": \"string\" }"), Obj("\"a\": {}, \"b\": { \"type\": \"string\" }", "\"additionalProperties\": { \"type\": \"string\" }"),
            SchemaChangeKind.PropertyAdded, "/properties/b", false, false);
    }

    [Fact]
    public void Compare_PropertyAddedConflictingWithOldAdditionalPropertiesSchema_BreaksBoth()
    {
        AssertSingle(Obj("\"a\": {}", "\"additionalProperties\": { \"type\": \"string\" }"), Obj("\"a\": {}, \"b\": { \"type\": \"integer\" }", "\"additionalProperties\": { \"type\": \"string\" }"),
            SchemaChangeKind.PropertyAdded, "/properties/b", true, true);
    }

    [Fact]
    public void Compare_PropertyAddedNarrowerThanOldPatternProperties_BreaksBackward()
    {
        AssertSingle(Obj("\"a\": {}", "\"patternProperties\": { \"^x-\": { \"type\": [\"string\", \"null\"] } }, \"additionalProperties\": false"),
            Obj("\"a\": {}, \"x-note\": { \"type\": \"string\" }", "\"patternProperties\": { \"^x-\": { \"type\": [\"string\", \"null\"] } }, \"additionalProperties\": false"),
            SchemaChangeKind.PropertyAdded, "/properties/x-note", true, false);
    }

    [Fact]
    public void Compare_PropertyRemovedFromOpenSchema_CompatibleBothWays()
    {
        AssertSingle(Obj("\"a\": {}, \"b\": {}"), Obj("\"a\": {}"), SchemaChangeKind.PropertyRemoved, "/properties/b", false, false);
    }

    [Fact]
    public void Compare_PropertyRemovedFromClosedSchema_BreaksBackward()
    {
        var change = AssertSingle(Obj("\"a\": {}, \"b\": {}", "\"additionalProperties\": false"), Obj("\"a\": {}", "\"additionalProperties\": false"),
            SchemaChangeKind.PropertyRemoved, "/properties/b", true, false);
        Assert.Contains("'b' removed", change.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_RequiredAdded_BreaksBackward()
    {
        var change = AssertSingle(Obj("\"x\": {}"), Obj("\"x\": {}", "\"required\": [\"x\"]"), SchemaChangeKind.RequiredAdded, "/properties/x", true, false);
        Assert.Equal("BREAKS-BACKWARD /properties/x: required added 'x'", change.ToString());
    }

    [Fact]
    public void Compare_RequiredRemoved_BreaksForward()
    {
        AssertSingle(Obj("\"x\": {}", "\"required\": [\"x\"]"), Obj("\"x\": {}", "\"required\": []"), SchemaChangeKind.RequiredRemoved, "/properties/x", false, true);
    }

    [Theory]
    [InlineData("""["string", "null"]""", "\"string\"")]
    [InlineData("\"number\"", "\"integer\"")]
    public void Compare_TypeNarrowed_BreaksBackward(string previous, string next)
    {
        AssertSingle(Obj($"\"a\": {{ \"type\": {previous} }}"), Obj($"\"a\": {{ \"type\": {next} }}"), SchemaChangeKind.TypeNarrowed, "/properties/a/type", true, false);
    }

    [Fact]
    public void Compare_TypeIntroduced_Narrowed()
    {
        var change = AssertSingle("{}", """{ "type": "object" }""", SchemaChangeKind.TypeNarrowed, "/type", true, false);
        Assert.Equal("type narrowed from (any) to \"object\"", change.Description);
    }

    [Theory]
    [InlineData("\"integer\"", "\"number\"")]
    [InlineData("\"string\"", """["string", "null"]""")]
    public void Compare_TypeWidened_BreaksForward(string previous, string next)
    {
        AssertSingle(Obj($"\"a\": {{ \"type\": {previous} }}"), Obj($"\"a\": {{ \"type\": {next} }}"), SchemaChangeKind.TypeWidened, "/properties/a/type", false, true);
    }

    [Fact]
    public void Compare_TypeReplaced_BreaksBoth()
    {
        AssertSingle("""{ "type": "string" }""", """{ "type": "integer" }""", SchemaChangeKind.TypeChanged, "/type", true, true);
    }

    [Fact]
    public void Compare_EnumValueAdded_BreaksForward()
    {
        var change = AssertSingle(Obj("\"status\": { \"enum\": [\"draft\", \"approved\"] }"), Obj("\"status\": { \"enum\": [\"draft\", \"approved\", \"invoiced\"] }"),
            SchemaChangeKind.EnumValueAdded, "/properties/status/enum", false, true);
        Assert.Equal("enum value added \"invoiced\"", change.Description);
    }

    [Fact]
    public void Compare_EnumValueRemoved_BreaksBackward()
    {
        AssertSingle("""{ "enum": [1, 2, 3] }""", """{ "enum": [1, 3] }""", SchemaChangeKind.EnumValueRemoved, "/enum", true, false);
    }

    [Fact]
    public void Compare_EnumIntroduced_BreaksBackward()
    {
        AssertSingle("""{ "type": "string" }""", """{ "type": "string", "enum": ["a"] }""", SchemaChangeKind.EnumAdded, "/enum", true, false);
    }

    [Fact]
    public void Compare_EnumDropped_BreaksForward()
    {
        AssertSingle("""{ "type": "string", "enum": ["a"] }""", """{ "type": "string" }""", SchemaChangeKind.EnumRemoved, "/enum", false, true);
    }

    [Theory]
    [InlineData("""{ "const": "a" }""", """{ "const": "b" }""", true, true)]
    [InlineData("{}", """{ "const": "b" }""", true, false)]
    [InlineData("""{ "const": "a" }""", "{}", false, true)]
    public void Compare_ConstChanged_ClassifiedByDirection(string previous, string next, bool breaksBackward, bool breaksForward)
    {
        AssertSingle(previous, next, SchemaChangeKind.ConstChanged, "/const", breaksBackward, breaksForward);
    }

    [Fact]
    public void Compare_PatternChanged_BreaksBothAndSaysWhy()
    {
        var change = AssertSingle("""{ "pattern": "^[A-Z]{3}$" }""", """{ "pattern": "^[A-Z]{3,4}$" }""", SchemaChangeKind.PatternChanged, "/pattern", true, true);
        Assert.Contains("regular expressions are not compared", change.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", """{ "pattern": "^a" }""", true, false)]
    [InlineData("""{ "pattern": "^a" }""", "{}", false, true)]
    public void Compare_PatternAddedOrRemoved_OneWay(string previous, string next, bool breaksBackward, bool breaksForward)
    {
        AssertSingle(previous, next, SchemaChangeKind.PatternChanged, "/pattern", breaksBackward, breaksForward);
    }

    [Theory]
    [InlineData("""{ "format": "date" }""", """{ "format": "date-time" }""", true, true)]
    [InlineData("""{ "type": "string" }""", """{ "type": "string", "format": "uuid" }""", true, false)]
    [InlineData("""{ "format": "email" }""", "{}", false, true)]
    public void Compare_FormatChanged_ClassifiedByDirection(string previous, string next, bool breaksBackward, bool breaksForward)
    {
        AssertSingle(previous, next, SchemaChangeKind.FormatChanged, "/format", breaksBackward, breaksForward);
    }

    [Theory]
    [InlineData("""{ "minimum": 0 }""", """{ "minimum": 1 }""", "/minimum")]
    [InlineData("{}", """{ "minimum": -5 }""", "/minimum")]
    [InlineData("""{ "exclusiveMinimum": 0 }""", """{ "exclusiveMinimum": 0.5 }""", "/exclusiveMinimum")]
    [InlineData("{}", """{ "minLength": 1 }""", "/minLength")]
    [InlineData("""{ "minItems": 1 }""", """{ "minItems": 2 }""", "/minItems")]
    [InlineData("{}", """{ "minProperties": 1 }""", "/minProperties")]
    public void Compare_MinimumRaised_BreaksBackward(string previous, string next, string location)
    {
        AssertSingle(previous, next, SchemaChangeKind.MinimumRaised, location, true, false);
    }

    [Theory]
    [InlineData("""{ "minimum": 1 }""", """{ "minimum": 0 }""", "/minimum")]
    [InlineData("""{ "exclusiveMinimum": 0 }""", "{}", "/exclusiveMinimum")]
    [InlineData("""{ "minLength": 3 }""", """{ "minLength": 1 }""", "/minLength")]
    [InlineData("""{ "minItems": 1 }""", "{}", "/minItems")]
    public void Compare_MinimumLowered_BreaksForward(string previous, string next, string location)
    {
        AssertSingle(previous, next, SchemaChangeKind.MinimumLowered, location, false, true);
    }

    [Theory]
    [InlineData("""{ "maximum": 24 }""", """{ "maximum": 16 }""", "/maximum")]
    [InlineData("{}", """{ "exclusiveMaximum": 100 }""", "/exclusiveMaximum")]
    [InlineData("""{ "maxLength": 200 }""", """{ "maxLength": 100 }""", "/maxLength")]
    [InlineData("{}", """{ "maxItems": 10 }""", "/maxItems")]
    public void Compare_MaximumLowered_BreaksBackward(string previous, string next, string location)
    {
        AssertSingle(previous, next, SchemaChangeKind.MaximumLowered, location, true, false);
    }

    [Theory]
    [InlineData("""{ "maximum": 16 }""", """{ "maximum": 24.5 }""", "/maximum")]
    [InlineData("""{ "exclusiveMaximum": 100 }""", "{}", "/exclusiveMaximum")]
    [InlineData("""{ "maxLength": 100 }""", """{ "maxLength": 200 }""", "/maxLength")]
    [InlineData("""{ "maxItems": 10 }""", "{}", "/maxItems")]
    public void Compare_MaximumRaised_BreaksForward(string previous, string next, string location)
    {
        AssertSingle(previous, next, SchemaChangeKind.MaximumRaised, location, false, true);
    }

    [Fact]
    public void Compare_MaximumLowered_DescriptionNamesOldAndNew()
    {
        var change = AssertSingle(Obj("\"hours\": { \"maximum\": 24 }"), Obj("\"hours\": { \"maximum\": 16 }"), SchemaChangeKind.MaximumLowered, "/properties/hours/maximum", true, false);
        Assert.Equal("maximum lowered from 24 to 16", change.Description);
    }

    [Theory]
    [InlineData("""{ "multipleOf": 0.01 }""", """{ "multipleOf": 0.1 }""", true, false)]
    [InlineData("""{ "multipleOf": 0.1 }""", """{ "multipleOf": 0.01 }""", false, true)]
    [InlineData("""{ "multipleOf": 2 }""", """{ "multipleOf": 3 }""", true, true)]
    [InlineData("{}", """{ "multipleOf": 0.01 }""", true, false)]
    [InlineData("""{ "multipleOf": 0.01 }""", "{}", false, true)]
    public void Compare_MultipleOfChanged_ClassifiedByDivisibility(string previous, string next, bool breaksBackward, bool breaksForward)
    {
        AssertSingle(previous, next, SchemaChangeKind.MultipleOfChanged, "/multipleOf", breaksBackward, breaksForward);
    }

    [Theory]
    [InlineData("{}", """{ "uniqueItems": true }""", true, false)]
    [InlineData("""{ "uniqueItems": true }""", """{ "uniqueItems": false }""", false, true)]
    public void Compare_UniqueItemsChanged_ClassifiedByDirection(string previous, string next, bool breaksBackward, bool breaksForward)
    {
        AssertSingle(previous, next, SchemaChangeKind.UniqueItemsChanged, "/uniqueItems", breaksBackward, breaksForward);
    }

    [Theory]
    [InlineData("{}", """{ "additionalProperties": false }""", "/additionalProperties")]
    [InlineData("""{ "additionalProperties": { "type": "string" } }""", """{ "additionalProperties": false }""", "/additionalProperties")]
    [InlineData("""{ "unevaluatedProperties": true }""", """{ "unevaluatedProperties": false }""", "/unevaluatedProperties")]
    public void Compare_AdditionalPropertiesClosed_BreaksBackward(string previous, string next, string location)
    {
        AssertSingle(previous, next, SchemaChangeKind.AdditionalPropertiesClosed, location, true, false);
    }

    [Theory]
    [InlineData("""{ "additionalProperties": false }""", "{}", "/additionalProperties")]
    [InlineData("""{ "additionalProperties": false }""", """{ "additionalProperties": { "type": "string" } }""", "/additionalProperties")]
    [InlineData("""{ "unevaluatedProperties": false }""", """{ "unevaluatedProperties": true }""", "/unevaluatedProperties")]
    public void Compare_AdditionalPropertiesOpened_BreaksForward(string previous, string next, string location)
    {
        AssertSingle(previous, next, SchemaChangeKind.AdditionalPropertiesOpened, location, false, true);
    }

    [Fact]
    public void Compare_AdditionalPropertiesSchemaNarrowed_ReportedInside()
    {
        AssertSingle("""{ "additionalProperties": { "type": ["string", "number"] } }""", """{ "additionalProperties": { "type": "string" } }""",
            SchemaChangeKind.TypeNarrowed, "/additionalProperties/type", true, false);
    }

    [Theory]
    [InlineData("""{ "items": { "type": "string" } }""", """{ "items": false }""", "/items", true, false)]
    [InlineData("""{ "prefixItems": [{}], "items": false }""", """{ "prefixItems": [{}, { "type": "string" }], "items": false }""", "/prefixItems/1", false, true)]
    [InlineData("""{ "prefixItems": [{}, {}], "items": false }""", """{ "prefixItems": [{}], "items": false }""", "/prefixItems/1", true, false)]
    [InlineData("""{ "items": [{}] }""", """{ "items": [{}, {}] }""", "/items", true, true)]
    public void Compare_ItemsChanged_ClassifiedByDirection(string previous, string next, string location, bool breaksBackward, bool breaksForward)
    {
        AssertSingle(previous, next, SchemaChangeKind.ItemsChanged, location, breaksBackward, breaksForward);
    }

    [Fact]
    public void Compare_ItemSchemaChanged_ReportedInsideItems()
    {
        AssertSingle("""{ "type": "array", "items": { "type": "string", "maxLength": 10 } }""", """{ "type": "array", "items": { "type": "string", "maxLength": 5 } }""",
            SchemaChangeKind.MaximumLowered, "/items/maxLength", true, false);
    }

    [Fact]
    public void Compare_PrefixItemAddedWhereItemsConstrained_ComparedAgainstItems()
    {
        AssertSingle("""{ "prefixItems": [{}], "items": { "type": ["string", "integer"] } }""", """{ "prefixItems": [{}, { "type": "string" }], "items": { "type": ["string", "integer"] } }""",
            SchemaChangeKind.TypeNarrowed, "/prefixItems/1/type", true, false);
    }

    [Fact]
    public void Compare_LocalRefRetargeted_FollowsTargets()
    {
        const string Previous = """{ "properties": { "code": { "$ref": "#/$defs/a" } }, "$defs": { "a": { "type": "string" }, "b": { "type": "string", "maxLength": 10 } } }""";
        const string Next = """{ "properties": { "code": { "$ref": "#/$defs/b" } }, "$defs": { "a": { "type": "string" }, "b": { "type": "string", "maxLength": 10 } } }""";

        var report = Compare(Previous, Next);

        Assert.Collection(
            report.Changes,
            c => Assert.Equal((SchemaChangeKind.RefTargetChanged, "/properties/code/$ref", false, false), (c.Kind, c.Location, c.BreaksBackward, c.BreaksForward)),
            c => Assert.Equal((SchemaChangeKind.MaximumLowered, "/properties/code/$ref/maxLength", true, false), (c.Kind, c.Location, c.BreaksBackward, c.BreaksForward)));
        Assert.Equal(CompatibilityLevel.Forward, report.Level);
    }

    [Fact]
    public void Compare_NonLocalRefRetargeted_BreaksBoth()
    {
        var change = AssertSingle("""{ "$ref": "common.v1.schema.json#/$defs/money" }""", """{ "$ref": "common.v2.schema.json#/$defs/money" }""",
            SchemaChangeKind.RefTargetChanged, "/$ref", true, true);
        Assert.Contains("non-local", change.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_InlineSchemaMovedToDefinition_Compatible()
    {
        const string Previous = """{ "properties": { "money": { "type": "object", "required": ["amount"] } } }""";
        const string Next = """{ "properties": { "money": { "$ref": "#/$defs/money", "description": "An amount." } }, "$defs": { "money": { "type": "object", "required": ["amount"] } } }""";

        var report = Compare(Previous, Next);

        Assert.Equal(CompatibilityLevel.Full, report.Level);
        Assert.Equal(
            [(SchemaChangeKind.RefTargetChanged, "/properties/money/$ref"), (SchemaChangeKind.DefinitionAdded, "/$defs/money")],
            report.Changes.Select(c => (c.Kind, c.Location)));
    }

    [Fact]
    public void Compare_RecursiveDefinitionsRenamed_TerminatesAndFindsChange()
    {
        const string Previous = """{ "$ref": "#/$defs/node", "$defs": { "node": { "type": "object", "properties": { "children": { "type": "array", "items": { "$ref": "#/$defs/node" } }, "name": { "maxLength": 10 } } } } }""";
        const string Next = """{ "$ref": "#/$defs/tree", "$defs": { "tree": { "type": "object", "properties": { "children": { "type": "array", "items": { "$ref": "#/$defs/tree" } }, "name": { "maxLength": 20 } } } } }""";

        var report = Compare(Previous, Next);

        Assert.Contains(report.Changes, c => c is { Kind: SchemaChangeKind.MaximumRaised, Location: "/$ref/properties/name/maxLength", BreaksForward: true });
        Assert.Contains(report.Changes, c => c is { Kind: SchemaChangeKind.DefinitionRemoved, Location: "/$defs/node" });
        Assert.Contains(report.Changes, c => c is { Kind: SchemaChangeKind.DefinitionAdded, Location: "/$defs/tree" });
        Assert.Equal(CompatibilityLevel.Backward, report.Level);
    }

    [Fact]
    public void Compare_DefinitionChanged_ReportedAtDefinition()
    {
        AssertSingle("""{ "$defs": { "currency": { "pattern": "^[A-Z]{3}$" } } }""", """{ "$defs": { "currency": { "pattern": "^[A-Z]{3}$", "maxLength": 3 } } }""",
            SchemaChangeKind.MaximumLowered, "/$defs/currency/maxLength", true, false);
    }

    [Fact]
    public void Compare_DefinitionAdded_Compatible()
    {
        AssertSingle("""{ "$defs": { "a": {} } }""", """{ "$defs": { "a": {}, "b": {} } }""", SchemaChangeKind.DefinitionAdded, "/$defs/b", false, false);
    }

    [Fact]
    public void Compare_DefinitionRemoved_Compatible()
    {
        AssertSingle("""{ "$defs": { "a": {}, "b": {} } }""", """{ "$defs": { "a": {} } }""", SchemaChangeKind.DefinitionRemoved, "/$defs/b", false, false);
    }

    [Fact]
    public void Compare_AnnotationChanged_Compatible()
    {
        var change = AssertSingle("""{ "description": "Old." }""", """{ "description": "New." }""", SchemaChangeKind.AnnotationChanged, "/description", false, false);
        Assert.Equal("description changed from \"Old.\" to \"New.\"", change.Description);
    }

    [Theory]
    [InlineData("""{ "x-unknown": 1 }""", """{ "x-unknown": 2 }""", "/x-unknown")]
    [InlineData("""{ "allOf": [{}] }""", """{ "allOf": [{}, { "type": "string" }] }""", "/allOf")]
    [InlineData("""{ "dependentRequired": { "a": ["b"] } }""", "{}", "/dependentRequired")]
    [InlineData("""{ "$schema": "https://json-schema.org/draft/2020-12/schema" }""", """{ "$schema": "http://json-schema.org/draft-07/schema#" }""", "/$schema")]
    [InlineData("""{ "minimum": "zero" }""", """{ "minimum": 1 }""", "/minimum")]
    public void Compare_UnrecognisedChange_OtherBreakingBoth(string previous, string next, string location)
    {
        var change = AssertSingle(previous, next, SchemaChangeKind.Other, location, true, true);
        Assert.Contains("treated as breaking both ways", change.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ChangeInsideNot_EffectReversed()
    {
        AssertSingle("""{ "not": { "type": "string" } }""", """{ "not": { "type": ["string", "null"] } }""", SchemaChangeKind.TypeWidened, "/not/type", true, false);
    }

    [Fact]
    public void Compare_ChangeInsideOneOf_BreaksBoth()
    {
        AssertSingle("""{ "oneOf": [{ "type": "string" }, { "type": "integer" }] }""", """{ "oneOf": [{ "type": "string" }, { "type": "number" }] }""",
            SchemaChangeKind.TypeWidened, "/oneOf/1/type", true, true);
    }

    [Fact]
    public void Compare_ChangeInsideAnyOf_ComparedPositionally()
    {
        AssertSingle("""{ "anyOf": [{ "type": "string" }, { "type": "integer" }] }""", """{ "anyOf": [{ "type": "string" }, { "type": "number" }] }""",
            SchemaChangeKind.TypeWidened, "/anyOf/1/type", false, true);
    }

    [Fact]
    public void Compare_PropertyNameWithSlashAndTilde_EscapedInLocation()
    {
        AssertSingle(Obj("\"a/b~c\": { \"type\": \"string\" }"), Obj("\"a/b~c\": { \"type\": \"integer\" }"), SchemaChangeKind.TypeChanged, "/properties/a~1b~0c/type", true, true);
    }

    [Fact]
    public void Compare_PropertySchemaClosedToFalse_OtherBreakingBoth()
    {
        AssertSingle(Obj("\"a\": {}"), Obj("\"a\": false"), SchemaChangeKind.Other, "/properties/a", true, true);
    }

    [Fact]
    public void Compare_NotASchema_Throws()
    {
        using var document = JsonDocument.Parse("[1]");
        Assert.Throws<ArgumentException>(() => SchemaCompatibilityChecker.Compare(document.RootElement, document.RootElement));
        Assert.Throws<ArgumentException>(() => SchemaCompatibilityChecker.Compare(default, document.RootElement));
        Assert.Throws<ArgumentNullException>(() => SchemaCompatibilityChecker.Compare(null!, "{}"));
    }
}
