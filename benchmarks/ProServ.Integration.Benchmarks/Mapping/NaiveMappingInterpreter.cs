using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProServ.Integration.Finance;
using ProServ.Integration.Mapping.Internal;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Benchmarks.Mapping;

/// <summary>The naive approach: parse each record into a <see cref="JsonNode"/> tree and walk the mapping document's rules (also a JsonNode tree)
/// for it — pointers split per read, value maps looked up in the document, conversions chosen by name — building a JsonObject that the
/// canonical reader turns into the record. Supports the rule kinds of the salesforce-opportunity reference mapping.</summary>
internal sealed class NaiveMappingInterpreter
{
    private readonly JsonObject _document;

    public NaiveMappingInterpreter(string mappingJson) => _document = JsonNode.Parse(mappingJson)!.AsObject();

    public Opportunity Map(byte[] utf8Json, string tenantId)
    {
        var source = JsonNode.Parse(utf8Json)!;
        var system = _document["source"]!.GetValue<string>().Split(':')[0];
        var output = new JsonObject { ["tenantId"] = tenantId };
        foreach (var rule in _document["rules"]!.AsArray())
        {
            var value = Evaluate(rule!.AsObject(), source, tenantId, system);
            if (value is not null)
            {
                Set(output, rule["target"]!.GetValue<string>(), value);
            }
        }

        if (Read(source, _document["sourceId"]!.GetValue<string>()) is { } sourceId)
        {
            output["externalReferences"] = new JsonArray(new JsonObject { ["system"] = system, ["id"] = sourceId.ToString() });
        }

        return JsonSerializer.Deserialize(output, CanonicalJson.GetTypeInfo<Opportunity>())!;
    }

    private static JsonNode? Evaluate(JsonObject rule, JsonNode source, string tenantId, string system)
    {
        if (rule["lookup"] is JsonObject lookup)
        {
            var id = Read(source, lookup["path"]!.GetValue<string>())?.ToString();
            if (id is null)
            {
                return null;
            }

            return lookup["onMissing"]?.GetValue<string>() == "derive"
                ? JsonValue.Create(DerivedId.Create(tenantId, lookup["recordType"]!.GetValue<string>(), lookup["system"]?.GetValue<string>() ?? system, id).ToString("D"))
                : null;
        }

        if (rule["money"] is JsonObject money)
        {
            var amount = Read(source, money["amount"]!.GetValue<string>());
            if (amount is null)
            {
                return null;
            }

            var code = (money["currency"] is { } c ? Read(source, c.GetValue<string>())?.GetValue<string>() : null) ?? money["defaultCurrency"]!.GetValue<string>();
            var number = amount.GetValueKind() == JsonValueKind.Number ? amount.GetValue<decimal>() : decimal.Parse(amount.GetValue<string>(), CultureInfo.InvariantCulture);
            var rounded = Money.Of(number, CurrencyCode.Parse(code)).Round();
            return new JsonObject { ["amount"] = rounded.Amount.ToString(CultureInfo.InvariantCulture), ["currency"] = code };
        }

        var value = Read(source, rule["path"]!.GetValue<string>())?.DeepClone() ?? rule["default"]?.DeepClone();
        if (value is null)
        {
            return null;
        }

        if (rule["valueMap"] is JsonObject map)
        {
            value = map[value.ToString()]?.DeepClone() ?? throw new FormatException($"'{value}' is not in the value map of {rule["target"]}.");
        }

        return rule["convert"]?.GetValue<string>() switch
        {
            null => value,
            "date" => JsonValue.Create(DateOnly.ParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            "integer" => JsonValue.Create((int)value.GetValue<decimal>()),
            var other => throw new NotSupportedException(other),
        };
    }

    private static JsonNode? Read(JsonNode node, string pointer)
    {
        JsonNode? current = node;
        foreach (var segment in pointer[1..].Split('/'))
        {
            current = current is JsonObject obj ? obj[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] : null;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static void Set(JsonObject target, string pointer, JsonNode value)
    {
        var segments = pointer[1..].Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            target = target[segments[i]] as JsonObject ?? (JsonObject)(target[segments[i]] = new JsonObject());
        }

        target[segments[^1]] = value;
    }
}
