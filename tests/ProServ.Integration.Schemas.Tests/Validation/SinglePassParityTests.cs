using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Schemas.Validation;
using ProServ.Integration.TestUtils.Documents;

namespace ProServ.Integration.Schemas.Tests.Validation;

/// <summary>
/// The single pass over tokens must give exactly what the tree walk gives — validity, and every error's code,
/// locations, message and order — for every schema it takes on. These tests run both on the official suite, on the
/// time-entry documents and on thousands of seeded mutations of them.
/// </summary>
public sealed class SinglePassParityTests
{
    private static readonly JsonSchema TimeEntry = JsonSchema.Parse(TimeEntryDocuments.Schema);

    [Fact]
    public void OfficialSuite_EverySchemaTheSinglePassTakes_GivesTheTreeWalksErrors()
    {
        var suiteRoot = Path.GetFullPath(Path.Combine(JsonSchemaTestSuiteTests.FindRepoRoot(), "..", "shared", "json-schema-test-suite"));
        var testsRoot = Path.Combine(suiteRoot, "tests", "draft2020-12");
        var registry = JsonSchemaTestSuiteTests.BuildRegistry(Path.Combine(suiteRoot, "remotes"));
        var compared = 0;
        var invalidCompared = 0;
        var treeOnly = 0;
        foreach (var file in Directory.GetFiles(testsRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var assertFormat = file.Contains(Path.Combine("optional", "format"), StringComparison.Ordinal);
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var testCase in document.RootElement.EnumerateArray())
            {
                JsonSchema schema;
                try
                {
                    schema = JsonSchema.Parse(testCase.GetProperty("schema").GetRawText(), new JsonSchemaOptions { Registry = registry, AssertFormat = assertFormat });
                }
                catch (JsonSchemaException)
                {
                    continue;
                }

                if (!schema.UsesSinglePass)
                {
                    treeOnly++;
                    continue;
                }

                foreach (var test in testCase.GetProperty("tests").EnumerateArray())
                {
                    var data = Encoding.UTF8.GetBytes(test.GetProperty("data").GetRawText());
                    var where = Path.GetFileName(file) + " / " + testCase.GetProperty("description").GetString() + " / " + test.GetProperty("description").GetString();
                    AssertSame(schema, data, where);
                    compared++;
                    if (!test.GetProperty("valid").GetBoolean())
                    {
                        invalidCompared++;
                    }
                }
            }
        }

        // The single pass must actually carry a large part of the suite, valid and invalid, or this test proves nothing.
        Assert.True(compared >= 500, $"Only {compared} suite instances went through the single pass.");
        Assert.True(invalidCompared >= 200, $"Only {invalidCompared} invalid suite instances went through the single pass.");
        Assert.True(treeOnly > 0);
    }

    [Fact]
    public void TimeEntryFixture_IsCheckedInOnePass_AndPublishedSchemasWithConditionsAreNot()
    {
        Assert.True(TimeEntry.UsesSinglePass);
        var published = SchemaCatalog.Default.Get(SchemaReference.Parse("time-entry@1")).Schema;
        Assert.False(published.UsesSinglePass);
    }

    [Theory]
    [InlineData(TimeEntryDocuments.Valid)]
    [InlineData(TimeEntryDocuments.Invalid)]
    [InlineData("""{"id": 1, "tags": [true, false, true], "rate": {"amount": 5, "currency": null}, "externalReferences": [{"system": "crm"}, 7, []]}""")]
    [InlineData("""{"a\/b~c": 1, "h\u006Furs": "x", "tags": ["a\u0062", "ab"], "description": "\uD83D\uDE00", "workDate": "2025-13-01"}""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"id": "0b8f3c52-6a1e-4d7e-9f55-2c1d8e4a7b10", "id": 5}""")]
    [InlineData("""{"tags": [1, 1]}""")]
    [InlineData("""{"hours": 1e400, "rate": {"amount": "1", "currency": "EUR", "x": {}}}""")]
    [InlineData("""{"id": "0b8f3c52"  """)]
    [InlineData("""{"id": "x"} {}""")]
    [InlineData("")]
    public void TimeEntryFixture_EdgeDocuments_GiveTheTreeWalksErrors(string json) =>
        AssertSame(TimeEntry, Encoding.UTF8.GetBytes(json), json);

    [Fact]
    public void TimeEntryFixture_SeededMutations_GiveTheTreeWalksErrors()
    {
        var random = new Random(20261122);
        var replacements = new JsonNode?[]
        {
            null, JsonValue.Create(true), JsonValue.Create(0), JsonValue.Create(-1.5m), JsonValue.Create(25.001m), JsonValue.Create("x"),
            JsonValue.Create(string.Empty), JsonValue.Create("2025-02-30"), JsonValue.Create("Finance"), JsonValue.Create("workshop"),
            JsonValue.Create(new string('z', 600)), JsonValue.Create("é\"\\/\u0001"), new JsonArray(), new JsonObject(),
            new JsonArray("a", "a"), new JsonObject { ["amount"] = "1.00", ["currency"] = "EUR" }, new JsonObject { ["system"] = "erp" },
        };
        var mismatches = new List<string>();
        for (var round = 0; round < 3000; round++)
        {
            var root = JsonNode.Parse(round % 2 == 0 ? TimeEntryDocuments.Valid : TimeEntryDocuments.Invalid)!;
            for (var edits = random.Next(1, 5); edits > 0; edits--)
            {
                Mutate(root, random, replacements);
            }

            var data = Encoding.UTF8.GetBytes(root.ToJsonString());
            var single = TimeEntry.Validate(data);
            var tree = TimeEntry.ValidateTree(data);
            if (single.IsValid != tree.IsValid || !single.Errors.SequenceEqual(tree.Errors))
            {
                mismatches.Add(root.ToJsonString());
            }
        }

        Assert.True(mismatches.Count == 0, "Single pass and tree walk disagree on:\n" + string.Join("\n", mismatches.Take(5)));
    }

    [Fact]
    public void SchemaOrder_ObjectKeywordsAfterMembers_AreReportedInSchemaOrder()
    {
        var schema = JsonSchema.Parse("""
            {"maxProperties": 1, "properties": {"a": {"type": "string"}}, "required": ["b"], "type": "array", "minProperties": 5,
             "additionalProperties": {"$ref": "#/$defs/n"}, "$defs": {"n": {"maximum": 1, "type": "integer"}}}
            """);
        Assert.True(schema.UsesSinglePass);

        var data = Encoding.UTF8.GetBytes("""{"a": 1, "c": 2.5, "d": 0}""");
        var result = schema.Validate(data);

        Assert.Equal(
            "schema.maxProperties |schema.type /a|schema.maximum /c|schema.type /c|schema.required |schema.type |schema.minProperties ",
            string.Join("|", result.Errors.Select(e => e.Code + " " + e.InstanceLocation)));
        Assert.Equal("/additionalProperties/$ref/maximum", result.Errors[2].KeywordLocation);
        AssertSame(schema, data, "schema order");
        AssertSame(schema, data, "schema order", ValidationOutputMode.FirstError);
    }

    private static void AssertSame(JsonSchema schema, byte[] data, string where, ValidationOutputMode? only = null)
    {
        foreach (var mode in only is { } m ? [m] : new[] { ValidationOutputMode.AllErrors, ValidationOutputMode.FirstError })
        {
            var single = schema.Validate(data, mode);
            var tree = schema.ValidateTree(data, mode);
            Assert.True(single.IsValid == tree.IsValid, $"{where}: validity differs ({mode})");
            Assert.True(
                single.Errors.SequenceEqual(tree.Errors),
                $"{where} ({mode}):\n single: {string.Join(" | ", single.Errors)}\n tree:   {string.Join(" | ", tree.Errors)}");
        }
    }

    private static void Mutate(JsonNode root, Random random, JsonNode?[] replacements)
    {
        // Pick a random object or array in the document, then replace, remove or add a member.
        var containers = new List<JsonNode>();
        Collect(root, containers);
        var target = containers[random.Next(containers.Count)];
        var replacement = replacements[random.Next(replacements.Length)]?.DeepClone();
        if (target is JsonObject obj)
        {
            var names = obj.Select(p => p.Key).ToList();
            var action = random.Next(3);
            if (action == 0 && names.Count > 0)
            {
                obj.Remove(names[random.Next(names.Count)]);
            }
            else if (action == 1 && names.Count > 0)
            {
                obj[names[random.Next(names.Count)]] = replacement;
            }
            else
            {
                obj["extra" + random.Next(3)] = replacement;
            }
        }
        else if (target is JsonArray array)
        {
            if (array.Count > 0 && random.Next(2) == 0)
            {
                array[random.Next(array.Count)] = replacement;
            }
            else
            {
                array.Add(replacement);
            }
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        switch (node)
        {
            case JsonObject obj:
                containers.Add(obj);
                foreach (var property in obj)
                {
                    Collect(property.Value, containers);
                }

                break;
            case JsonArray array:
                containers.Add(array);
                foreach (var item in array)
                {
                    Collect(item, containers);
                }

                break;
        }
    }
}
