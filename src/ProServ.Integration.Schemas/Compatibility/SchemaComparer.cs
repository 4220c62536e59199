using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>Walks two versions of a schema side by side and records each change with its effect.</summary>
/// <remarks>One instance per comparison; not thread-safe.</remarks>
internal sealed class SchemaComparer
{
    private const int MaxDepth = 64;
    private const int MaxValueLength = 80;

    private static readonly JsonElement EmptySchema = JsonDocument.Parse("{}").RootElement.Clone();

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "title", "description", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly",
        "contentMediaType", "contentEncoding", "contentSchema",
    };

    private static readonly HashSet<string> AllTypes = new(StringComparer.Ordinal) { "null", "boolean", "object", "array", "number", "string" };

    private readonly JsonElement _previousRoot;
    private readonly JsonElement _nextRoot;
    private readonly List<SchemaChange> _changes = [];
    private readonly HashSet<(string Previous, string Next)> _followedRefs = [];
    private int _depth;

    private SchemaComparer(JsonElement previousRoot, JsonElement nextRoot)
    {
        _previousRoot = previousRoot;
        _nextRoot = nextRoot;
    }

    /// <summary>Compares two schema documents.</summary>
    /// <param name="previous">The earlier version.</param>
    /// <param name="next">The later version.</param>
    /// <returns>Every change, in schema order.</returns>
    public static List<SchemaChange> Compare(JsonElement previous, JsonElement next)
    {
        var comparer = new SchemaComparer(previous, next);
        comparer.Walk(previous, next, string.Empty, ComparisonScope.Root);
        return comparer._changes;
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Child(string location, string token) => location + "/" + Escape(token);

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength), "…");
    }

    private static string Show(JsonElement? value) => value is { } v ? Show(v) : "(none)";

    private static bool IsFalse(JsonElement value) => value.ValueKind == JsonValueKind.False;

    private static JsonElement Normalize(JsonElement schema) => schema.ValueKind == JsonValueKind.True ? EmptySchema : schema;

    private static JsonElement? Get(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value) ? value : null;

    private void Emit(SchemaChangeKind kind, string location, string description, bool breaksBackward, bool breaksForward, ComparisonScope scope)
    {
        var (backward, forward) = scope.Apply(breaksBackward, breaksForward);
        _changes.Add(new SchemaChange(kind, location, description, backward, forward));
    }

    private void EmitOther(string location, string description, ComparisonScope scope) =>
        Emit(SchemaChangeKind.Other, location, description + " (not classified; treated as breaking both ways)", true, true, scope);

    private void Walk(JsonElement previous, JsonElement next, string location, ComparisonScope scope)
    {
        if (JsonElement.DeepEquals(previous, next))
        {
            return;
        }

        if (_depth >= MaxDepth)
        {
            EmitOther(location, "schemas nested too deeply to compare", scope);
            return;
        }

        previous = Normalize(previous);
        next = Normalize(next);
        if (previous.ValueKind != JsonValueKind.Object || next.ValueKind != JsonValueKind.Object)
        {
            EmitOther(location, $"schema changed from {Show(previous)} to {Show(next)}", scope);
            return;
        }

        _depth++;
        try
        {
            var previousRef = Get(previous, "$ref");
            var nextRef = Get(next, "$ref");
            if (previousRef.HasValue != nextRef.HasValue)
            {
                CompareRefWithInline(previous, next, location, scope);
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in previous.EnumerateObject())
            {
                if (seen.Add(property.Name))
                {
                    CompareKeyword(property.Name, previous, next, location, scope);
                }
            }

            foreach (var property in next.EnumerateObject())
            {
                if (seen.Add(property.Name))
                {
                    CompareKeyword(property.Name, previous, next, location, scope);
                }
            }
        }
        finally
        {
            _depth--;
        }
    }

    private void CompareKeyword(string keyword, JsonElement previous, JsonElement next, string location, ComparisonScope scope)
    {
        var p = Get(previous, keyword);
        var n = Get(next, keyword);
        if (p is { } pv && n is { } nv && JsonElement.DeepEquals(pv, nv))
        {
            return;
        }

        var at = Child(location, keyword);
        if (Annotations.Contains(keyword))
        {
            Emit(SchemaChangeKind.AnnotationChanged, at, $"{keyword} changed from {Show(p)} to {Show(n)}", false, false, scope);
            return;
        }

        switch (keyword)
        {
            case "$id":
                // The $id names the version (time-entry.v1 → v2); it is expected to differ.
                return;
            case "$ref":
                CompareRefs(p!.Value, n!.Value, at, scope);
                return;
            case "$defs":
            case "definitions":
                CompareDefinitions(p, n, at, scope);
                return;
            case "type":
                CompareTypes(p, n, at, scope);
                return;
            case "enum":
                CompareEnums(p, n, at, scope);
                return;
            case "const":
                CompareAddedRemovedChanged(SchemaChangeKind.ConstChanged, keyword, p, n, at, scope, string.Empty);
                return;
            case "pattern":
                CompareAddedRemovedChanged(SchemaChangeKind.PatternChanged, keyword, p, n, at, scope, " (regular expressions are not compared: any change may tighten or loosen, so it is treated as breaking both ways)");
                return;
            case "format":
                CompareAddedRemovedChanged(SchemaChangeKind.FormatChanged, keyword, p, n, at, scope, string.Empty);
                return;
            case "minimum":
            case "exclusiveMinimum":
                CompareBound(keyword, lower: true, absent: null, p, n, at, scope);
                return;
            case "minLength":
            case "minItems":
            case "minProperties":
                CompareBound(keyword, lower: true, absent: 0m, p, n, at, scope);
                return;
            case "minContains":
                CompareBound(keyword, lower: true, absent: 1m, p, n, at, scope);
                return;
            case "maximum":
            case "exclusiveMaximum":
            case "maxLength":
            case "maxItems":
            case "maxProperties":
            case "maxContains":
                CompareBound(keyword, lower: false, absent: null, p, n, at, scope);
                return;
            case "multipleOf":
                CompareMultipleOf(p, n, at, scope);
                return;
            case "uniqueItems":
                CompareUniqueItems(p, n, at, scope);
                return;
            case "properties":
                CompareProperties(previous, next, location, scope);
                return;
            case "required":
                CompareRequired(p, n, location, scope);
                return;
            case "additionalProperties":
            case "unevaluatedProperties":
                CompareSlot(p, n, at, SchemaChangeKind.AdditionalPropertiesClosed, SchemaChangeKind.AdditionalPropertiesOpened, scope);
                return;
            case "items":
            case "unevaluatedItems":
            case "additionalItems":
                if (p is { ValueKind: JsonValueKind.Array } || n is { ValueKind: JsonValueKind.Array })
                {
                    Emit(SchemaChangeKind.ItemsChanged, at, $"{keyword} changed from {Show(p)} to {Show(n)} (array form is not compared; treated as breaking both ways)", true, true, scope);
                    return;
                }

                CompareSlot(p, n, at, SchemaChangeKind.ItemsChanged, SchemaChangeKind.ItemsChanged, scope);
                return;
            case "prefixItems":
                ComparePrefixItems(previous, next, at, scope);
                return;
            case "contains":
            case "propertyNames":
            case "then":
            case "else":
                CompareSlot(p, n, at, SchemaChangeKind.Other, SchemaChangeKind.Other, scope);
                return;
            case "not":
                CompareSlot(p, n, at, SchemaChangeKind.Other, SchemaChangeKind.Other, scope.Negate());
                return;
            case "if":
                CompareSlot(p, n, at, SchemaChangeKind.Other, SchemaChangeKind.Other, scope.NonMonotonic());
                return;
            case "allOf":
            case "anyOf":
                CompareComposition(keyword, p, n, at, scope);
                return;
            case "oneOf":
                CompareComposition(keyword, p, n, at, scope.NonMonotonic());
                return;
            case "patternProperties":
            case "dependentSchemas":
                CompareSchemaMap(keyword, p, n, at, scope);
                return;
            default:
                EmitOther(at, $"{keyword} changed from {Show(p)} to {Show(n)}", scope);
                return;
        }
    }

    private void CompareSlot(JsonElement? previous, JsonElement? next, string location, SchemaChangeKind closedKind, SchemaChangeKind openedKind, ComparisonScope scope)
    {
        var p = previous ?? EmptySchema;
        var n = next ?? EmptySchema;
        if (JsonElement.DeepEquals(p, n))
        {
            return;
        }

        if (IsFalse(p) && !IsFalse(n))
        {
            var other = openedKind == SchemaChangeKind.Other;
            Emit(openedKind, location, $"opened: false changed to {Show(next)}" + (other ? " (treated as breaking both ways)" : string.Empty), other, true, scope);
        }
        else if (!IsFalse(p) && IsFalse(n))
        {
            var other = closedKind == SchemaChangeKind.Other;
            Emit(closedKind, location, $"closed: {Show(previous)} changed to false" + (other ? " (treated as breaking both ways)" : string.Empty), true, other, scope);
        }
        else
        {
            Walk(p, n, location, scope);
        }
    }

    private void CompareRefs(JsonElement previous, JsonElement next, string location, ComparisonScope scope)
    {
        var p = previous.ValueKind == JsonValueKind.String ? previous.GetString()! : previous.GetRawText();
        var n = next.ValueKind == JsonValueKind.String ? next.GetString()! : next.GetRawText();
        var previousTarget = Resolve(_previousRoot, p);
        var nextTarget = Resolve(_nextRoot, n);
        if (previousTarget is null || nextTarget is null)
        {
            Emit(SchemaChangeKind.RefTargetChanged, location, $"$ref changed from '{p}' to '{n}' (a non-local target cannot be compared; treated as breaking both ways)", true, true, scope);
            return;
        }

        Emit(SchemaChangeKind.RefTargetChanged, location, $"$ref changed from '{p}' to '{n}'; the targets are compared below", false, false, scope);
        if (_followedRefs.Add((p, n)))
        {
            Walk(previousTarget.Value, nextTarget.Value, location, scope);
        }
    }

    private void CompareRefWithInline(JsonElement previous, JsonElement next, string location, ComparisonScope scope)
    {
        var previousHasRef = previous.TryGetProperty("$ref", out var refElement);
        if (!previousHasRef)
        {
            refElement = next.GetProperty("$ref");
        }

        var withRef = previousHasRef ? previous : next;
        var reference = refElement.ValueKind == JsonValueKind.String ? refElement.GetString()! : refElement.GetRawText();
        var target = Resolve(previousHasRef ? _previousRoot : _nextRoot, reference);
        var onlyRef = withRef.EnumerateObject().All(p => p.NameEquals("$ref") || Annotations.Contains(p.Name));
        var at = Child(location, "$ref");
        var what = previousHasRef ? $"$ref '{reference}' replaced by an inline schema" : $"inline schema replaced by $ref '{reference}'";
        if (target is null || !onlyRef)
        {
            Emit(SchemaChangeKind.RefTargetChanged, at, what + (target is null ? " (a non-local target cannot be compared" : " (a $ref with sibling constraints cannot be compared") + "; treated as breaking both ways)", true, true, scope);
            return;
        }

        Emit(SchemaChangeKind.RefTargetChanged, at, what + "; the target is compared below", false, false, scope);
        if (previousHasRef)
        {
            Walk(target.Value, next, at, scope);
        }
        else
        {
            Walk(previous, target.Value, at, scope);
        }
    }

    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }

        var pointer = Uri.UnescapeDataString(reference[1..]);
        if (pointer.Length == 0)
        {
            return root;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var current = root;
        foreach (var rawToken in pointer[1..].Split('/'))
        {
            var token = rawToken.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private void CompareDefinitions(JsonElement? previous, JsonElement? next, string location, ComparisonScope scope)
    {
        if (previous is { ValueKind: not JsonValueKind.Object } || next is { ValueKind: not JsonValueKind.Object })
        {
            EmitOther(location, $"definitions changed from {Show(previous)} to {Show(next)}", scope);
            return;
        }

        if (previous is { } p)
        {
            foreach (var definition in p.EnumerateObject())
            {
                if (next is { } n0 && n0.TryGetProperty(definition.Name, out var nextDefinition))
                {
                    Walk(definition.Value, nextDefinition, Child(location, definition.Name), scope);
                }
                else
                {
                    Emit(SchemaChangeKind.DefinitionRemoved, Child(location, definition.Name), $"definition '{definition.Name}' removed", false, false, scope);
                }
            }
        }

        if (next is { } n)
        {
            foreach (var definition in n.EnumerateObject())
            {
                if (previous is not { } p0 || !p0.TryGetProperty(definition.Name, out _))
                {
                    Emit(SchemaChangeKind.DefinitionAdded, Child(location, definition.Name), $"definition '{definition.Name}' added", false, false, scope);
                }
            }
        }
    }

    private static HashSet<string>? ReadTypes(JsonElement? type)
    {
        if (type is not { } t)
        {
            return AllTypes;
        }

        if (t.ValueKind == JsonValueKind.String)
        {
            return new HashSet<string>(StringComparer.Ordinal) { t.GetString()! };
        }

        if (t.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in t.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            types.Add(item.GetString()!);
        }

        return types;
    }

    private static bool Covers(HashSet<string> types, string type) =>
        types.Contains(type) || (string.Equals(type, "integer", StringComparison.Ordinal) && types.Contains("number"));

    private void CompareTypes(JsonElement? previous, JsonElement? next, string location, ComparisonScope scope)
    {
        var p = ReadTypes(previous);
        var n = ReadTypes(next);
        if (p is null || n is null)
        {
            EmitOther(location, $"type changed from {Show(previous)} to {Show(next)}", scope);
            return;
        }

        var backwardSafe = p.All(t => Covers(n, t));
        var forwardSafe = n.All(t => Covers(p, t));
        var from = previous is null ? "(any)" : Show(previous);
        var to = next is null ? "(any)" : Show(next);
        switch (backwardSafe, forwardSafe)
        {
            case (true, true):
                return;
            case (true, false):
                Emit(SchemaChangeKind.TypeWidened, location, $"type widened from {from} to {to}", false, true, scope);
                return;
            case (false, true):
                Emit(SchemaChangeKind.TypeNarrowed, location, $"type narrowed from {from} to {to}", true, false, scope);
                return;
            default:
                Emit(SchemaChangeKind.TypeChanged, location, $"type changed from {from} to {to}", true, true, scope);
                return;
        }
    }

    private void CompareEnums(JsonElement? previous, JsonElement? next, string location, ComparisonScope scope)
    {
        if (previous is null)
        {
            Emit(SchemaChangeKind.EnumAdded, location, $"enum added: {Show(next)}", true, false, scope);
            return;
        }

        if (next is null)
        {
            Emit(SchemaChangeKind.EnumRemoved, location, $"enum removed: {Show(previous)}", false, true, scope);
            return;
        }

        var p = previous.Value;
        var n = next.Value;
        if (p.ValueKind != JsonValueKind.Array || n.ValueKind != JsonValueKind.Array)
        {
            EmitOther(location, $"enum changed from {Show(p)} to {Show(n)}", scope);
            return;
        }

        foreach (var value in p.EnumerateArray())
        {
            if (!n.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
            {
                Emit(SchemaChangeKind.EnumValueRemoved, location, $"enum value removed {Show(value)}", true, false, scope);
            }
        }

        foreach (var value in n.EnumerateArray())
        {
            if (!p.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
            {
                Emit(SchemaChangeKind.EnumValueAdded, location, $"enum value added {Show(value)}", false, true, scope);
            }
        }
    }

    private void CompareAddedRemovedChanged(SchemaChangeKind kind, string keyword, JsonElement? previous, JsonElement? next, string location, ComparisonScope scope, string changedNote)
    {
        if (previous is null)
        {
            Emit(kind, location, $"{keyword} added: {Show(next)}", true, false, scope);
        }
        else if (next is null)
        {
            Emit(kind, location, $"{keyword} removed: {Show(previous)}", false, true, scope);
        }
        else
        {
            Emit(kind, location, $"{keyword} changed from {Show(previous)} to {Show(next)}{changedNote}", true, true, scope);
        }
    }

    private static bool TryReadNumber(JsonElement? value, decimal? absent, out decimal? number)
    {
        number = absent;
        if (value is not { } v)
        {
            return true;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
        {
            number = d;
            return true;
        }

        return false;
    }

    private void CompareBound(string keyword, bool lower, decimal? absent, JsonElement? previous, JsonElement? next, string location, ComparisonScope scope)
    {
        if (!TryReadNumber(previous, absent, out var p) || !TryReadNumber(next, absent, out var n))
        {
            EmitOther(location, $"{keyword} changed from {Show(previous)} to {Show(next)}", scope);
            return;
        }

        if (p == n)
        {
            return;
        }

        // A missing lower bound is -infinity, a missing upper bound +infinity.
        var raised = lower ? p is null || (n is not null && n > p) : n is null || (p is not null && n > p);
        var from = previous is null ? "(none)" : Show(previous);
        var to = next is null ? "(none)" : Show(next);
        var verb = raised ? "raised" : "lowered";
        var description = $"{keyword} {verb} from {from} to {to}";
        if (lower)
        {
            Emit(raised ? SchemaChangeKind.MinimumRaised : SchemaChangeKind.MinimumLowered, location, description, raised, !raised, scope);
        }
        else
        {
            Emit(raised ? SchemaChangeKind.MaximumRaised : SchemaChangeKind.MaximumLowered, location, description, !raised, raised, scope);
        }
    }

    private void CompareMultipleOf(JsonElement? previous, JsonElement? next, string location, ComparisonScope scope)
    {
        if (!TryReadNumber(previous, null, out var p) || !TryReadNumber(next, null, out var n) || p <= 0 || n <= 0)
        {
            EmitOther(location, $"multipleOf changed from {Show(previous)} to {Show(next)}", scope);
            return;
        }

        if (p == n)
        {
            return;
        }

        // Every multiple of the old divisor is a multiple of the new one exactly when the new one divides the old one.
        var breaksBackward = p is null || (n is not null && p.Value % n.Value != 0);
        var breaksForward = n is null || (p is not null && n.Value % p.Value != 0);
        Emit(SchemaChangeKind.MultipleOfChanged, location, $"multipleOf changed from {Show(previous)} to {Show(next)}", breaksBackward, breaksForward, scope);
    }

    private void CompareUniqueItems(JsonElement? previous, JsonElement? next, string location, ComparisonScope scope)
    {
        if (previous is { ValueKind: not (JsonValueKind.True or JsonValueKind.False) } || next is { ValueKind: not (JsonValueKind.True or JsonValueKind.False) })
        {
            EmitOther(location, $"uniqueItems changed from {Show(previous)} to {Show(next)}", scope);
            return;
        }

        var p = previous is { ValueKind: JsonValueKind.True };
        var n = next is { ValueKind: JsonValueKind.True };
        if (p != n)
        {
            Emit(SchemaChangeKind.UniqueItemsChanged, location, $"uniqueItems changed from {Show(previous)} to {Show(next)}", n, p, scope);
        }
    }

    private void CompareProperties(JsonElement previous, JsonElement next, string location, ComparisonScope scope)
    {
        var p = Get(previous, "properties");
        var n = Get(next, "properties");
        var at = Child(location, "properties");
        if (p is { ValueKind: not JsonValueKind.Object } || n is { ValueKind: not JsonValueKind.Object })
        {
            EmitOther(at, $"properties changed from {Show(p)} to {Show(n)}", scope);
            return;
        }

        if (p is { } pp)
        {
            foreach (var property in pp.EnumerateObject())
            {
                var propertyAt = Child(at, property.Name);
                if (n is { } np0 && np0.TryGetProperty(property.Name, out var nextProperty))
                {
                    CompareSlot(property.Value, nextProperty, propertyAt, SchemaChangeKind.Other, SchemaChangeKind.Other, scope);
                    continue;
                }

                var (model, fallback) = ContentModelFor(next, property.Name);
                var (breaksBackward, breaksForward, reason) = fallback switch
                {
                    ContentModel.Open => (false, false, "the new schema allows any additional property"),
                    ContentModel.Closed => (true, false, "the new schema is closed, so old data holding it is rejected"),
                    _ => Flags(property.Value, model, "the new schema constrains it as an additional property"),
                };
                Emit(SchemaChangeKind.PropertyRemoved, propertyAt, $"property '{property.Name}' removed ({reason})", breaksBackward, breaksForward, scope);
            }
        }

        if (n is { } np)
        {
            foreach (var property in np.EnumerateObject())
            {
                if (p is { } pp0 && pp0.TryGetProperty(property.Name, out _))
                {
                    continue;
                }

                var (model, fallback) = ContentModelFor(previous, property.Name);
                var (breaksBackward, breaksForward, reason) = fallback switch
                {
                    ContentModel.Open => (false, false, "the old schema allows any additional property"),
                    ContentModel.Closed => (false, true, "the old schema is closed, so old readers reject it"),
                    _ => Flags(model, property.Value, "the old schema constrained it as an additional property"),
                };
                Emit(SchemaChangeKind.PropertyAdded, Child(at, property.Name), $"property '{property.Name}' added ({reason})", breaksBackward, breaksForward, scope);
            }
        }
    }

    private (bool BreaksBackward, bool BreaksForward, string Reason) Flags(JsonElement previous, JsonElement next, string reason)
    {
        var comparer = new SchemaComparer(_previousRoot, _nextRoot);
        comparer.CompareSlot(previous, next, string.Empty, SchemaChangeKind.Other, SchemaChangeKind.Other, ComparisonScope.Root);
        var breaksBackward = comparer._changes.Exists(c => c.BreaksBackward);
        var breaksForward = comparer._changes.Exists(c => c.BreaksForward);
        return (breaksBackward, breaksForward, reason + (breaksBackward || breaksForward ? " differently" : " the same way"));
    }

    private static (JsonElement Model, ContentModel Kind) ContentModelFor(JsonElement schema, string propertyName)
    {
        if (Get(schema, "patternProperties") is { ValueKind: JsonValueKind.Object } patterns)
        {
            foreach (var pattern in patterns.EnumerateObject())
            {
                bool matches;
                try
                {
                    matches = Regex.IsMatch(propertyName, pattern.Name, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException)
                {
                    matches = true;
                }
                catch (RegexMatchTimeoutException)
                {
                    matches = true;
                }

                if (matches)
                {
                    return Classify(pattern.Value);
                }
            }
        }

        var fallback = Get(schema, "additionalProperties") ?? Get(schema, "unevaluatedProperties");
        return fallback is { } f ? Classify(f) : (EmptySchema, ContentModel.Open);
    }

    private static (JsonElement Model, ContentModel Kind) Classify(JsonElement model) => model.ValueKind switch
    {
        JsonValueKind.True => (EmptySchema, ContentModel.Open),
        JsonValueKind.False => (model, ContentModel.Closed),
        JsonValueKind.Object when !model.EnumerateObject().Any() => (model, ContentModel.Open),
        _ => (model, ContentModel.Constrained),
    };

    private void CompareRequired(JsonElement? previous, JsonElement? next, string location, ComparisonScope scope)
    {
        var p = ReadNames(previous);
        var n = ReadNames(next);
        if (p is null || n is null)
        {
            EmitOther(Child(location, "required"), $"required changed from {Show(previous)} to {Show(next)}", scope);
            return;
        }

        foreach (var name in p.Where(name => !n.Contains(name)))
        {
            Emit(SchemaChangeKind.RequiredRemoved, Child(Child(location, "properties"), name), $"required removed '{name}'", false, true, scope);
        }

        foreach (var name in n.Where(name => !p.Contains(name)))
        {
            Emit(SchemaChangeKind.RequiredAdded, Child(Child(location, "properties"), name), $"required added '{name}'", true, false, scope);
        }
    }

    private static List<string>? ReadNames(JsonElement? names)
    {
        var result = new List<string>();
        if (names is not { } array)
        {
            return result;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            result.Add(item.GetString()!);
        }

        return result;
    }

    private void ComparePrefixItems(JsonElement previous, JsonElement next, string location, ComparisonScope scope)
    {
        var p = Get(previous, "prefixItems");
        var n = Get(next, "prefixItems");
        if (p is { ValueKind: not JsonValueKind.Array } || n is { ValueKind: not JsonValueKind.Array })
        {
            EmitOther(location, $"prefixItems changed from {Show(p)} to {Show(n)}", scope);
            return;
        }

        // Past its prefix, a position is governed by items (absent: anything).
        var previousItems = Get(previous, "items") is { ValueKind: not JsonValueKind.Array } pi ? pi : EmptySchema;
        var nextItems = Get(next, "items") is { ValueKind: not JsonValueKind.Array } ni ? ni : EmptySchema;
        var previousLength = p?.GetArrayLength() ?? 0;
        var nextLength = n?.GetArrayLength() ?? 0;
        for (var i = 0; i < Math.Max(previousLength, nextLength); i++)
        {
            var previousItem = i < previousLength ? p!.Value[i] : previousItems;
            var nextItem = i < nextLength ? n!.Value[i] : nextItems;
            CompareSlot(previousItem, nextItem, Child(location, i.ToString(CultureInfo.InvariantCulture)), SchemaChangeKind.ItemsChanged, SchemaChangeKind.ItemsChanged, scope);
        }
    }

    private void CompareComposition(string keyword, JsonElement? previous, JsonElement? next, string location, ComparisonScope scope)
    {
        if (previous is not { ValueKind: JsonValueKind.Array } p || next is not { ValueKind: JsonValueKind.Array } n || p.GetArrayLength() != n.GetArrayLength())
        {
            EmitOther(location, $"{keyword} changed from {Show(previous)} to {Show(next)}", scope);
            return;
        }

        for (var i = 0; i < p.GetArrayLength(); i++)
        {
            CompareSlot(p[i], n[i], Child(location, i.ToString(CultureInfo.InvariantCulture)), SchemaChangeKind.Other, SchemaChangeKind.Other, scope);
        }
    }

    private void CompareSchemaMap(string keyword, JsonElement? previous, JsonElement? next, string location, ComparisonScope scope)
    {
        if (previous is not { ValueKind: JsonValueKind.Object } p || next is not { ValueKind: JsonValueKind.Object } n)
        {
            EmitOther(location, $"{keyword} changed from {Show(previous)} to {Show(next)}", scope);
            return;
        }

        foreach (var entry in p.EnumerateObject())
        {
            if (n.TryGetProperty(entry.Name, out var nextEntry))
            {
                CompareSlot(entry.Value, nextEntry, Child(location, entry.Name), SchemaChangeKind.Other, SchemaChangeKind.Other, scope);
            }
            else
            {
                EmitOther(Child(location, entry.Name), $"{keyword} entry '{entry.Name}' removed", scope);
            }
        }

        foreach (var entry in n.EnumerateObject())
        {
            if (!p.TryGetProperty(entry.Name, out _))
            {
                EmitOther(Child(location, entry.Name), $"{keyword} entry '{entry.Name}' added", scope);
            }
        }
    }
}
