using System.Globalization;
using System.Text.Json;
using ProServ.Integration.Errors;
using ProServ.Integration.Finance;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>Compiles merged rules once into delegates and a writer tree, checking every rule against the target schema and reporting every problem.</summary>
internal sealed class MappingCompiler
{
    private readonly ProblemSink _problems;
    private readonly string _sourceSystem;
    private readonly bool _outbound;

    /// <summary>The source shape of each scope, innermost last: the canonical record and its each items for outbound mappings; <see langword="null"/> entries (unchecked vendor shapes) for inbound ones.</summary>
    private readonly List<TargetShape?> _sourceScopes = [];

    public MappingCompiler(ProblemSink problems, string sourceSystem, TargetShape? canonicalSource = null)
    {
        _problems = problems;
        _sourceSystem = sourceSystem;
        _outbound = canonicalSource is not null;
        _sourceScopes.Add(canonicalSource);
    }

    /// <summary>Compiles the rules of one object scope. Required fields left unmapped are reported at <paramref name="requiredPointer"/>.</summary>
    public CompiledRules Compile(IReadOnlyList<RuleModel> rules, TargetShape scope, bool isRecord, MappingDocumentModel document, string requiredPointer)
    {
        var producers = new List<ValueProducer>();
        var collectors = new List<LookupCollector>();
        var root = new Dictionary<string, (WriterNode Node, Dictionary<string, object> Children)>(StringComparer.Ordinal);
        var order = new List<string>();
        var seen = new Dictionary<string, RuleModel>(StringComparer.Ordinal);
        var leaves = new List<(string[] Segments, WriterNode Node)>();

        foreach (var rule in rules)
        {
            var segments = rule.Target[1..].Split('/');
            if (!ResolveTarget(rule, segments, scope, isRecord, out var field, out var required))
            {
                continue;
            }

            if (seen.Keys.FirstOrDefault(t => t == rule.Target || t.StartsWith(rule.Target + "/", StringComparison.Ordinal) || rule.Target.StartsWith(t + "/", StringComparison.Ordinal)) is { } clash)
            {
                _problems.Add(rule.Document, rule.Pointer + "/target", MappingErrorCodes.DuplicateTarget,
                    $"'{rule.Target}' is already written by the rule at {seen[clash].Document.File} {seen[clash].Pointer} ('{clash}'); each target field has one rule.");
                continue;
            }

            seen[rule.Target] = rule;
            var compiled = CompileRule(rule, field, out var collector, out var items);
            if (compiled is null)
            {
                continue;
            }

            if (collector is not null)
            {
                collectors.Add(collector);
            }

            var node = new WriterNode
            {
                Name = JsonEncodedText.Encode(segments[^1]),
                TargetPath = rule.Target,
                Leaf = producers.Count,
                Required = required,
                SourceText = rule.Path ?? rule.Each ?? LookupPath(rule) ?? string.Empty,
                Items = items,
            };
            producers.Add(compiled);
            leaves.Add((segments, node));
        }

        CheckRequired(rules, scope, isRecord, seen.Keys, document, requiredPointer);
        return new CompiledRules { Producers = [.. producers], Collectors = [.. collectors], Fields = BuildTree(leaves, scope) };
    }

    private static string? LookupPath(RuleModel rule) =>
        rule.Lookup is { } lookup ? lookup.GetProperty("path").GetString() : rule.Money is { } money ? money.GetProperty("amount").GetString()
        : rule.ComputedMoney is { } computed ? computed.GetProperty("quantity").GetString() : null;

    private static WriterNode[] BuildTree(List<(string[] Segments, WriterNode Node)> leaves, TargetShape scope)
    {
        return Build(leaves.Select(l => (l.Segments, l.Node)).ToList(), 0, scope, string.Empty);

        static WriterNode[] Build(List<(string[] Segments, WriterNode Node)> items, int depth, TargetShape shape, string prefix)
        {
            var result = new List<WriterNode>();
            foreach (var group in items.GroupBy(i => i.Segments[depth], StringComparer.Ordinal))
            {
                var members = group.ToList();
                if (members.Count == 1 && members[0].Segments.Length == depth + 1)
                {
                    result.Add(members[0].Node);
                    continue;
                }

                var childShape = shape.Properties.TryGetValue(group.Key, out var s) ? s : new TargetShape { Kind = TargetKind.Object };
                var children = Build(members, depth + 1, childShape, prefix + "/" + group.Key);
                result.Add(new WriterNode
                {
                    Name = JsonEncodedText.Encode(group.Key),
                    TargetPath = prefix + "/" + group.Key,
                    Required = shape.Required.Contains(group.Key, StringComparer.Ordinal),
                    Children = children,
                    SubtreeLeaves = members.Select(m => m.Node.Leaf).ToArray(),
                });
            }

            return [.. result];
        }
    }

    private bool ResolveTarget(RuleModel rule, string[] segments, TargetShape scope, bool isRecord, out TargetShape field, out bool required)
    {
        field = scope;
        required = false;
        if (isRecord && !_outbound && segments[0] is MappingConstants.TenantIdField or MappingConstants.ExternalReferencesField)
        {
            _problems.Add(rule.Document, rule.Pointer + "/target", MappingErrorCodes.UnknownTargetField,
                $"'{rule.Target}' is set by the engine (tenantId from the MappingContext, externalReferences from sourceId); remove the rule.");
            return false;
        }

        var walked = string.Empty;
        foreach (var segment in segments)
        {
            if (field.Kind is TargetKind.Any)
            {
                // An outbound (vendor) target has no schema: any field is accepted.
                required = false;
                return true;
            }

            if (field.Kind is not TargetKind.Object || !field.Properties.TryGetValue(segment, out var next))
            {
                var known = field.Kind is TargetKind.Object ? string.Join(", ", field.Properties.Keys) : "none (" + field + ")";
                _problems.Add(rule.Document, rule.Pointer + "/target", MappingErrorCodes.UnknownTargetField,
                    $"The target has no field '{walked}/{segment}'; fields here: {known}.");
                return false;
            }

            required = field.Required.Contains(segment, StringComparer.Ordinal);
            walked += "/" + segment;
            field = next;
        }

        return true;
    }

    private void CheckRequired(IReadOnlyList<RuleModel> rules, TargetShape scope, bool isRecord, IEnumerable<string> mapped, MappingDocumentModel document, string pointer)
    {
        var targets = mapped.ToArray();
        Check(scope, string.Empty, isTop: true);

        void Check(TargetShape shape, string prefix, bool isTop)
        {
            foreach (var name in shape.Required)
            {
                var path = prefix + "/" + name;
                if (isTop && isRecord && name is MappingConstants.TenantIdField)
                {
                    continue;
                }

                if (!targets.Any(t => t == path || t.StartsWith(path + "/", StringComparison.Ordinal)))
                {
                    _problems.Add(document, pointer, MappingErrorCodes.RequiredUnmapped,
                        $"The target requires '{path}' ({shape.Properties.GetValueOrDefault(name)?.ToString() ?? "a value"}) but no rule maps it.");
                }
            }

            foreach (var (name, child) in shape.Properties)
            {
                var path = prefix + "/" + name;
                if (child.Kind is TargetKind.Object && targets.Any(t => t.StartsWith(path + "/", StringComparison.Ordinal)))
                {
                    Check(child, path, isTop: false);
                }
            }
        }
    }

    private ValueProducer? CompileRule(RuleModel rule, TargetShape field, out LookupCollector? collector, out CompiledRules? items)
    {
        collector = null;
        items = null;
        var before = _problems.Problems.Count;
        var when = rule.When is { } condition ? CompileCondition(rule, condition) : null;
        MappedValue? fallback = rule.Default is { } d ? ConstValue(rule, "/default", d, field) : null;

        ValueProducer? source;
        TargetKind produced;
        if (rule.Each is { } each)
        {
            source = CompileEach(rule, each, field, out collector, out items);
            produced = TargetKind.Array;
        }
        else if (rule.Const is { } constant)
        {
            var value = ConstValue(rule, "/const", constant, field) ?? MappedValue.None;
            source = (_, _, _) => value;
            produced = TargetKind.Any;
        }
        else if (rule.Template is { } template)
        {
            source = CompileTemplate(rule, template);
            produced = TargetKind.String;
        }
        else if (rule.Money is { } money)
        {
            source = CompileMoney(rule, money, computed: false, minorUnits: MinorUnitsConversion(rule));
            produced = TargetKind.Money;
        }
        else if (rule.ComputedMoney is { } computedMoney)
        {
            source = CompileMoney(rule, computedMoney, computed: true, minorUnits: MinorUnitsConversion(rule));
            produced = TargetKind.Money;
        }
        else if (rule.Lookup is { } lookup)
        {
            source = CompileLookup(rule, lookup, out collector);
            produced = TargetKind.Uuid;
        }
        else
        {
            source = CompilePath(rule, rule.Path!, field, out produced);
        }

        if (rule.Each is null && rule.Const is null)
        {
            CheckKind(rule, produced, field);
        }

        if (source is null || _problems.Problems.Count != before)
        {
            return null;
        }

        if (when is not null && collector is not null)
        {
            var inner = collector;
            collector = (scope, run) =>
            {
                if (when(scope))
                {
                    inner(scope, run);
                }
            };
        }

        var defaultValue = fallback ?? MappedValue.None;
        return (when, defaultValue.HasValue) switch
        {
            (null, false) => source,
            (null, true) => (scope, pointer, run) => source(scope, pointer, run) is { HasValue: true } v ? v : defaultValue,
            (_, false) => (scope, pointer, run) => when(scope) ? source(scope, pointer, run) : MappedValue.None,
            _ => (scope, pointer, run) => !when(scope) ? MappedValue.None : source(scope, pointer, run) is { HasValue: true } v ? v : defaultValue,
        };
    }

    /// <summary>Reads <c>convert</c> on a money rule: only <c>minorUnits</c> applies there (a whole number of cents, pence, ...).</summary>
    private bool MinorUnitsConversion(RuleModel rule)
    {
        if (rule.Convert is null)
        {
            return false;
        }

        if (rule.Convert == MappingConstants.MinorUnits)
        {
            return true;
        }

        _problems.Add(rule.Document, rule.Pointer + "/convert", MappingErrorCodes.InvalidRule,
            $"convert '{rule.Convert}' does not apply to a money rule; the only conversion of money is '{MappingConstants.MinorUnits}' (the amount is in the currency's minor units).");
        return false;
    }

    private void CheckKind(RuleModel rule, TargetKind produced, TargetShape field)
    {
        if (!Compatible(produced, field))
        {
            var what = rule.Convert is { } c && rule.Money is null && rule.ComputedMoney is null ? $"convert '{c}'" : rule.Money is not null ? "money" : rule.ComputedMoney is not null ? "computedMoney" : rule.Lookup is not null ? "lookup" : rule.Template is not null ? "template" : "the rule";
            _problems.Add(rule.Document, rule.Pointer + (rule.Convert is not null && rule.Money is null && rule.ComputedMoney is null ? "/convert" : "/target"), MappingErrorCodes.TypeMismatch,
                $"{what} produces {MappingConstants.KindName(produced)} but '{rule.Target}' is {field}.");
        }
    }

    private static bool Compatible(TargetKind produced, TargetShape field) =>
        produced == TargetKind.Any || field.Kind == TargetKind.Any || produced == field.Kind
        || (produced == TargetKind.Integer && field.Kind == TargetKind.Number)
        || (produced == TargetKind.String && field.Kind == TargetKind.Enum);

    private Func<JsonElement, bool>? CompileCondition(RuleModel rule, JsonElement condition)
    {
        var path = Path(rule, "/when/path", condition.GetProperty("path").GetString()!, allowParent: false);
        if (path is null)
        {
            return null;
        }

        if (condition.TryGetProperty("exists", out var exists))
        {
            var expected = exists.GetBoolean();
            return scope => path.TryGet(scope, out _) == expected;
        }

        var equals = condition.GetProperty("equals").Clone();
        return scope => path.TryGet(scope, out var value) ? JsonElement.DeepEquals(value, equals) : equals.ValueKind == JsonValueKind.Null;
    }

    private SourcePath? Path(RuleModel rule, string pointer, string text, bool allowWildcard = false, bool allowParent = true)
    {
        var path = SourcePath.TryCompile(text, out var error);
        if (path is null || (!allowWildcard && path.HasWildcard))
        {
            _problems.Add(rule.Document, rule.Pointer + pointer, MappingErrorCodes.InvalidRule, error ?? $"'{text}': '*' is only allowed in a rule's path.");
            return null;
        }

        if (path.Up > 0 && (!allowParent || path.Up >= _sourceScopes.Count))
        {
            _problems.Add(rule.Document, rule.Pointer + pointer, MappingErrorCodes.InvalidRule, allowParent
                ? $"'{text}' steps up {path.Up} scope(s) with '..' but the rule is inside {_sourceScopes.Count - 1} each item(s)."
                : $"'{text}': '..' is not allowed in a when condition.");
            return null;
        }

        return CheckSourceField(rule, pointer, path) ? path : null;
    }

    /// <summary>For an outbound mapping, checks that a source pointer names a field of the canonical record (following each items and '..').</summary>
    private bool CheckSourceField(RuleModel rule, string pointer, SourcePath path)
    {
        if (_sourceScopes[^(path.Up + 1)] is not { } shape)
        {
            return true;
        }

        var walked = string.Empty;
        foreach (var part in path.Parts)
        {
            TargetShape? next = shape.Kind switch
            {
                TargetKind.Object => shape.Properties.GetValueOrDefault(part),
                TargetKind.Array when part == "*" || part.All(char.IsAsciiDigit) => shape.Items ?? new TargetShape { Kind = TargetKind.Any },
                TargetKind.Any => shape,
                TargetKind.Money when part is "amount" or "currency" => new TargetShape { Kind = part == "amount" ? TargetKind.String : TargetKind.Currency },
                _ => null,
            };
            if (next is null)
            {
                var known = shape.Kind is TargetKind.Object ? string.Join(", ", shape.Properties.Keys) : "none (" + shape + ")";
                _problems.Add(rule.Document, rule.Pointer + pointer, MappingErrorCodes.UnknownSourceField,
                    $"The canonical source has no field '{walked}/{part}'; fields here: {known}.");
                return false;
            }

            walked += "/" + part;
            shape = next;
        }

        return true;
    }

    private ValueProducer? CompilePath(RuleModel rule, string text, TargetShape field, out TargetKind produced)
    {
        produced = TargetKind.Any;
        var path = Path(rule, "/path", text, allowWildcard: true);
        var transform = CompileTransform(rule, path?.HasWildcard == true ? field.Items ?? new TargetShape { Kind = TargetKind.Any } : field, out var itemKind);
        if (path is null || transform is null)
        {
            return null;
        }

        if (!path.HasWildcard)
        {
            produced = itemKind;
            return (scope, pointer, run) => path.TryGet(scope, run, out var value) ? transform(MappedValue.FromRaw(value), pointer + text, run) : MappedValue.None;
        }

        produced = TargetKind.Array;
        if (field.Kind is not (TargetKind.Array or TargetKind.Any) || (field.Items is { } itemShape && !Compatible(itemKind, itemShape)))
        {
            _problems.Add(rule.Document, rule.Pointer + "/path", MappingErrorCodes.TypeMismatch,
                $"'{text}' produces an array of {MappingConstants.KindName(itemKind)} but '{rule.Target}' is {field}.");
            return null;
        }

        var suffix = path.Suffix!;
        var head = path.HeadText;
        return (scope, pointer, run) =>
        {
            if (!path.TryGet(scope, run, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return MappedValue.None;
            }

            var values = new List<MappedValue>(array.GetArrayLength());
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (suffix.TryGet(item, out var value))
                {
                    var itemPointer = pointer + head + "/" + index.ToString(CultureInfo.InvariantCulture) + suffix.Text;
                    if (transform(MappedValue.FromRaw(value), itemPointer, run) is { HasValue: true } mapped)
                    {
                        values.Add(mapped);
                    }
                }

                index++;
            }

            return MappedValue.FromArray([.. values]);
        };
    }

    /// <summary>Compiles the value map and conversion applied to a read value; returns the kind the rule produces.</summary>
    private Func<MappedValue, string, MappingRun, MappedValue>? CompileTransform(RuleModel rule, TargetShape field, out TargetKind produced)
    {
        produced = TargetKind.Any;
        Func<MappedValue, string, MappingRun, MappedValue> step = (value, _, _) => value;
        if (rule.ValueMap is { } map)
        {
            produced = TargetKind.String;
            step = CompileValueMap(rule, map, field) ?? step;
        }

        if (rule.Convert is not { } convert)
        {
            if (rule.TimeZone is not null)
            {
                _problems.Add(rule.Document, rule.Pointer + "/timeZone", MappingErrorCodes.InvalidRule, "timeZone needs convert date or dateTime.");
            }

            return step;
        }

        if (!MappingConstants.Conversions.TryGetValue(convert, out var kind))
        {
            _problems.Add(rule.Document, rule.Pointer + "/convert", MappingErrorCodes.UnknownConversion,
                $"'{convert}' is not a conversion; known: {string.Join(", ", MappingConstants.Conversions.Keys)}.");
            return null;
        }

        if (convert == MappingConstants.MinorUnits)
        {
            _problems.Add(rule.Document, rule.Pointer + "/convert", MappingErrorCodes.InvalidRule,
                $"convert '{convert}' needs a currency: use it on a money or computedMoney rule, not on a path.");
            return null;
        }

        TimeZoneInfo? zone = null;
        if (rule.TimeZone is { } zoneId)
        {
            if (convert is not ("date" or "dateTime"))
            {
                _problems.Add(rule.Document, rule.Pointer + "/timeZone", MappingErrorCodes.InvalidRule, $"timeZone applies to convert date or dateTime, not '{convert}'.");
            }
            else if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
            {
                _problems.Add(rule.Document, rule.Pointer + "/timeZone", MappingErrorCodes.InvalidRule, $"'{zoneId}' is not a known IANA time zone.");
            }
        }

        if (convert == "lines" && field.Kind is TargetKind.Array && field.Items is { Kind: not (TargetKind.String or TargetKind.Any) })
        {
            kind = TargetKind.Any;
            _problems.Add(rule.Document, rule.Pointer + "/convert", MappingErrorCodes.TypeMismatch, $"convert 'lines' produces an array of strings but '{rule.Target}' is {field}.");
        }

        produced = kind;
        var converter = Conversions.Create(convert, zone)!;
        var first = step;
        var target = rule.Target;
        return (value, pointer, run) =>
        {
            var mapped = first(value, pointer, run);
            if (!mapped.HasValue)
            {
                return mapped;
            }

            if (converter(mapped, out var converted, out var error))
            {
                return converted;
            }

            run.Error(MappingErrorCodes.ConversionFailed, pointer, $"Cannot convert to {convert} for '{target}': {error}");
            return MappedValue.None;
        };
    }

    private Func<MappedValue, string, MappingRun, MappedValue>? CompileValueMap(RuleModel rule, IReadOnlyDictionary<string, string> map, TargetShape field)
    {
        var checkEnum = field.Kind is TargetKind.Enum && rule.Convert is null;
        foreach (var (from, to) in map)
        {
            if (checkEnum && !field.EnumValues.Contains(to, StringComparer.Ordinal))
            {
                _problems.Add(rule.Document, rule.Pointer + "/valueMap/" + JsonPositionMap.Escape(from), MappingErrorCodes.ValueNotInEnum,
                    $"'{from}' maps to '{to}', which '{rule.Target}' does not allow; allowed: {string.Join(", ", field.EnumValues)}.");
            }
        }

        var mode = rule.OnUnmapped is { ValueKind: JsonValueKind.String } text ? text.GetString()! : rule.OnUnmapped is null ? MappingConstants.OnUnmappedError : "default";
        MappedValue unmappedDefault = default;
        if (rule.OnUnmapped is { ValueKind: JsonValueKind.Object } objectMode)
        {
            unmappedDefault = ConstValue(rule, "/onUnmapped/default", objectMode.GetProperty("default"), rule.Convert is null ? field : new TargetShape { Kind = TargetKind.Any }) ?? default;
        }

        var frozen = map.ToDictionary(p => p.Key, p => MappedValue.FromString(p.Value), StringComparer.Ordinal);
        var target = rule.Target;
        var known = string.Join(", ", map.Keys.Select(k => "'" + k + "'"));
        return (value, pointer, run) =>
        {
            var key = value.AsText();
            if (key is not null && frozen.TryGetValue(key, out var mapped))
            {
                return mapped;
            }

            switch (mode)
            {
                case MappingConstants.OnUnmappedPassthrough:
                    return key is null ? value : MappedValue.FromString(key);
                case MappingConstants.OnUnmappedError:
                    run.Error(MappingErrorCodes.UnmappedValue, pointer, $"{Conversions.Describe(value)} is not in the value map of '{target}' (known: {known}).");
                    return MappedValue.None;
                default:
                    return unmappedDefault;
            }
        };
    }

    private ValueProducer? CompileTemplate(RuleModel rule, string template)
    {
        var parts = new List<(string? Literal, SourcePath? Path)>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                _problems.Add(rule.Document, rule.Pointer + "/template", MappingErrorCodes.InvalidRule, $"The template has an unmatched '}}' at {i}; write '}}}}' for a literal brace.");
                return null;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0 || end == i + 1)
            {
                _problems.Add(rule.Document, rule.Pointer + "/template", MappingErrorCodes.InvalidRule, $"The template has an unclosed or empty '{{' at {i}.");
                return null;
            }

            var name = template[(i + 1)..end];
            var path = Path(rule, "/template", name.StartsWith('/') ? name : "/" + JsonPositionMap.Escape(name));
            if (path is null)
            {
                return null;
            }

            parts.Add((literal.ToString(), null));
            literal.Clear();
            parts.Add((null, path));
            i = end;
        }

        parts.Add((literal.ToString(), null));
        var compiled = parts.Where(p => p.Path is not null || p.Literal!.Length > 0).ToArray();
        return (scope, _, run) =>
        {
            var builder = new System.Text.StringBuilder();
            var any = false;
            foreach (var (text, path) in compiled)
            {
                if (path is null)
                {
                    builder.Append(text);
                }
                else if (path.TryGet(scope, run, out var value) && MappedValue.FromRaw(value).AsText() is { } piece)
                {
                    builder.Append(piece);
                    any |= piece.Length > 0;
                }
            }

            var result = builder.ToString().Trim();
            return any && result.Length > 0 ? MappedValue.FromString(result) : MappedValue.None;
        };
    }

    private ValueProducer? CompileMoney(RuleModel rule, JsonElement spec, bool computed, bool minorUnits)
    {
        var name = computed ? "/computedMoney" : "/money";
        var amount = Path(rule, name + (computed ? "/rate" : "/amount"), spec.GetProperty(computed ? "rate" : "amount").GetString()!);
        var quantity = computed ? Path(rule, name + "/quantity", spec.GetProperty("quantity").GetString()!) : null;
        var currencyPath = spec.TryGetProperty("currency", out var c) ? Path(rule, name + "/currency", c.GetString()!) : null;
        CurrencyCode? defaultCurrency = null;
        if (spec.TryGetProperty("defaultCurrency", out var dc))
        {
            if (CurrencyCode.TryParse(dc.GetString(), out var parsed))
            {
                defaultCurrency = parsed;
            }
            else
            {
                _problems.Add(rule.Document, rule.Pointer + name + "/defaultCurrency", MappingErrorCodes.InvalidRule, $"'{dc.GetString()}' is not a known ISO 4217 currency code.");
            }
        }

        if (amount is null || (computed && quantity is null))
        {
            return null;
        }

        var target = rule.Target;
        return (scope, pointer, run) =>
        {
            if (!amount.TryGet(scope, run, out var amountValue))
            {
                return MappedValue.None;
            }

            if (!Conversions.TryDecimal(MappedValue.FromRaw(amountValue), out var number))
            {
                run.Error(MappingErrorCodes.ConversionFailed, pointer + amount.Text, $"{amountValue.GetRawText()} is not an invariant-culture number for '{target}'.");
                return MappedValue.None;
            }

            var factor = 1m;
            if (quantity is not null)
            {
                if (!quantity.TryGet(scope, run, out var quantityValue))
                {
                    return MappedValue.None;
                }

                if (!Conversions.TryDecimal(MappedValue.FromRaw(quantityValue), out factor))
                {
                    run.Error(MappingErrorCodes.ConversionFailed, pointer + quantity.Text, $"{quantityValue.GetRawText()} is not an invariant-culture number for '{target}'.");
                    return MappedValue.None;
                }
            }

            CurrencyCode currency;
            if (currencyPath is not null && currencyPath.TryGet(scope, run, out var currencyValue))
            {
                if (currencyValue.ValueKind != JsonValueKind.String || !CurrencyCode.TryParse(currencyValue.GetString(), out currency))
                {
                    run.Error(MappingErrorCodes.ConversionFailed, pointer + currencyPath.Text, $"{currencyValue.GetRawText()} is not a known uppercase ISO 4217 currency code for '{target}'.");
                    return MappedValue.None;
                }
            }
            else if (defaultCurrency is { } fallback)
            {
                currency = fallback;
            }
            else
            {
                run.Error(MappingErrorCodes.MissingValue, pointer + currencyPath!.Text, $"'{target}' needs a currency and the source has none (add defaultCurrency to the rule).");
                return MappedValue.None;
            }

            if (minorUnits)
            {
                if (number != decimal.Truncate(number))
                {
                    run.Error(MappingErrorCodes.ConversionFailed, pointer + amount.Text, $"{amountValue.GetRawText()} is not a whole number of {currency} minor units for '{target}'.");
                    return MappedValue.None;
                }

                number /= MinorUnitFactor(currency.MinorUnits);
            }

            try
            {
                var money = Money.Of(number, currency);
                return MappedValue.FromMoney((quantity is null ? money : money * factor).Round());
            }
            catch (IntegrationException exception) when (exception.ErrorCode is ModelErrorCodes.MoneyOutOfRange)
            {
                run.Error(MappingErrorCodes.ConversionFailed, pointer + amount.Text, $"'{target}': {exception.Message}");
                return MappedValue.None;
            }
        };
    }

    private static decimal MinorUnitFactor(int digits)
    {
        var factor = 1m;
        for (var i = 0; i < digits; i++)
        {
            factor *= 10;
        }

        return factor;
    }

    private ValueProducer? CompileLookup(RuleModel rule, JsonElement spec, out LookupCollector? collector)
    {
        collector = null;
        var path = Path(rule, "/lookup/path", spec.GetProperty("path").GetString()!);
        var recordType = spec.GetProperty("recordType").GetString()!;
        var system = spec.TryGetProperty("system", out var s) ? s.GetString()! : _sourceSystem;
        var onMissing = spec.TryGetProperty("onMissing", out var m) ? m.GetString()! : MappingConstants.OnMissingError;
        if (path is null)
        {
            return null;
        }

        collector = (scope, run) =>
        {
            if (path.TryGet(scope, run, out var value) && MappedValue.FromRaw(value).AsText() is { Length: > 0 } id)
            {
                run.Request(recordType, system, id);
            }
        };
        var target = rule.Target;
        return (scope, pointer, run) =>
        {
            if (!path.TryGet(scope, run, out var value))
            {
                return MappedValue.None;
            }

            if (MappedValue.FromRaw(value).AsText() is not { Length: > 0 } id)
            {
                run.Error(MappingErrorCodes.ConversionFailed, pointer + path.Text, $"{value.GetRawText()} is not an id for '{target}'.");
                return MappedValue.None;
            }

            if (run.Resolved.TryGetValue((recordType, system, id), out var canonical))
            {
                return MappedValue.FromId(canonical);
            }

            switch (onMissing)
            {
                case MappingConstants.OnMissingDerive:
                    return MappedValue.FromId(DerivedId.Create(run.Context.TenantId, recordType, system, id));
                case MappingConstants.OnMissingOmit:
                    return MappedValue.None;
                default:
                    run.Error(MappingErrorCodes.LookupMissing, pointer + path.Text, $"No {recordType} is cross-referenced to {system} id '{id}' (for '{target}').");
                    return MappedValue.None;
            }
        };
    }

    private ValueProducer? CompileEach(RuleModel rule, string each, TargetShape field, out LookupCollector? collector, out CompiledRules? items)
    {
        collector = null;
        items = null;
        var path = Path(rule, "/each", each);
        var itemShape = field.Kind is TargetKind.Any ? field : field.Kind is TargetKind.Array && field.Items is { Kind: TargetKind.Object } items0 ? items0 : null;
        if (itemShape is null)
        {
            _problems.Add(rule.Document, rule.Pointer + "/each", MappingErrorCodes.TypeMismatch, $"each produces an array of objects but '{rule.Target}' is {field}.");
            return null;
        }

        if (path is null)
        {
            return null;
        }

        // The nested rules read paths relative to one item: for outbound mappings, the item shape of the canonical array.
        var sourceItems = _sourceScopes[^(path.Up + 1)] is { } sourceShape ? ItemShape(sourceShape, path) : null;
        _sourceScopes.Add(sourceItems);
        CompiledRules compiled;
        try
        {
            compiled = Compile(rule.Rules, itemShape, isRecord: false, rule.Document, rule.Pointer + "/rules");
        }
        finally
        {
            _sourceScopes.RemoveAt(_sourceScopes.Count - 1);
        }

        items = compiled;
        if (compiled.Collectors.Length > 0)
        {
            collector = (scope, run) =>
            {
                if (path.TryGet(scope, run, out var array) && array.ValueKind == JsonValueKind.Array)
                {
                    run.Scopes.Add(scope);
                    foreach (var item in array.EnumerateArray())
                    {
                        foreach (var inner in compiled.Collectors)
                        {
                            inner(item, run);
                        }
                    }

                    run.Scopes.RemoveAt(run.Scopes.Count - 1);
                }
            };
        }

        var target = rule.Target;
        return (scope, pointer, run) =>
        {
            if (!path.TryGet(scope, run, out var array))
            {
                return MappedValue.None;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                run.Error(MappingErrorCodes.ConversionFailed, pointer + each, $"'{target}' needs an array but the source has {array.ValueKind}.");
                return MappedValue.None;
            }

            var rows = new MappedValue[array.GetArrayLength()][];
            var index = 0;
            run.Scopes.Add(scope);
            foreach (var item in array.EnumerateArray())
            {
                var itemPointer = pointer + each + "/" + index.ToString(CultureInfo.InvariantCulture);
                var values = new MappedValue[compiled.Producers.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Produce(compiled.Producers[i], item, itemPointer, run);
                }

                rows[index++] = values;
            }

            run.Scopes.RemoveAt(run.Scopes.Count - 1);
            return MappedValue.FromObjects(rows);
        };
    }

    private static TargetShape ItemShape(TargetShape shape, SourcePath path)
    {
        foreach (var part in path.Parts)
        {
            shape = shape.Kind switch
            {
                TargetKind.Object => shape.Properties.GetValueOrDefault(part) ?? new TargetShape { Kind = TargetKind.Any },
                TargetKind.Array => shape.Items ?? new TargetShape { Kind = TargetKind.Any },
                _ => new TargetShape { Kind = TargetKind.Any },
            };
        }

        return shape.Kind is TargetKind.Array && shape.Items is { } items ? items : new TargetShape { Kind = TargetKind.Any };
    }

    /// <summary>Runs a producer, marking a missing value whose read reported an error as <see cref="MappedValue.Failed"/>.</summary>
    public static MappedValue Produce(ValueProducer producer, JsonElement scope, string pointer, MappingRun run)
    {
        var before = run.Errors.Count;
        var value = producer(scope, pointer, run);
        return !value.HasValue && run.Errors.Count > before ? MappedValue.Failed : value;
    }

    /// <summary>Checks and converts a <c>const</c>, <c>default</c> or unmapped default against the target field once, at load.</summary>
    private MappedValue? ConstValue(RuleModel rule, string pointer, JsonElement value, TargetShape field)
    {
        string? error = null;
        MappedValue result = default;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        switch (field.Kind)
        {
            case TargetKind.String:
                if (text is null)
                {
                    error = "expected a string";
                }
                else
                {
                    result = MappedValue.FromString(text);
                }

                break;
            case TargetKind.Enum:
                if (text is null || !field.EnumValues.Contains(text, StringComparer.Ordinal))
                {
                    _problems.Add(rule.Document, rule.Pointer + pointer, MappingErrorCodes.ValueNotInEnum,
                        $"{value.GetRawText()} is not allowed for '{rule.Target}'; allowed: {string.Join(", ", field.EnumValues)}.");
                    return null;
                }

                result = MappedValue.FromString(text, TargetKind.Enum);
                break;
            case TargetKind.Integer or TargetKind.Number:
                if (value.ValueKind != JsonValueKind.Number || !Conversions.TryDecimal(MappedValue.FromRaw(value), out var number) || (field.Kind == TargetKind.Integer && number != decimal.Truncate(number)))
                {
                    error = field.Kind == TargetKind.Integer ? "expected a whole JSON number" : "expected a JSON number";
                }
                else
                {
                    result = MappedValue.FromNumber(number, field.Kind);
                }

                break;
            case TargetKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    error = "expected true or false";
                }
                else
                {
                    result = MappedValue.FromBoolean(value.ValueKind == JsonValueKind.True);
                }

                break;
            case TargetKind.Date or TargetKind.DateTime or TargetKind.Currency:
                var converter = Conversions.Create(field.Kind switch { TargetKind.Date => "date", TargetKind.DateTime => "dateTime", _ => "currency" }, null)!;
                string? reason = null;
                if (text is null || !converter(MappedValue.FromString(text), out result, out reason))
                {
                    error = $"expected a {MappingConstants.KindName(field.Kind)} string" + (text is null ? string.Empty : $" ({reason})");
                }

                break;
            case TargetKind.Uuid:
                if (text is null || !Guid.TryParseExact(text, "D", out var id) || id == Guid.Empty || !string.Equals(text, id.ToString("D"), StringComparison.Ordinal))
                {
                    error = "expected a lowercase hyphenated non-nil UUID";
                }
                else
                {
                    result = MappedValue.FromId(id);
                }

                break;
            case TargetKind.Money:
                if (value.ValueKind != JsonValueKind.Object
                    || !value.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.String
                    || !decimal.TryParse(amount.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var money)
                    || !value.TryGetProperty("currency", out var currency) || !CurrencyCode.TryParse(currency.GetString(), out var code))
                {
                    error = "expected money: {\"amount\": \"12.50\", \"currency\": \"USD\"}";
                }
                else
                {
                    result = MappedValue.FromMoney(Money.Of(money, code));
                }

                break;
            default:
                result = MappedValue.FromRaw(value.Clone());
                break;
        }

        if (error is not null)
        {
            _problems.Add(rule.Document, rule.Pointer + pointer, MappingErrorCodes.TypeMismatch, $"{value.GetRawText()} cannot be '{rule.Target}' ({field}): {error}.");
            return null;
        }

        return result;
    }
}
