using System.Buffers;
using System.Text.Json;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Ownership.Internal;

/// <summary>Merges and filters canonical records as JSON: one serialization per record, one pass over the properties, one deserialization only when something was applied.</summary>
internal static class OwnershipMerger
{
    public static OwnershipMergeResult<T> Merge<T>(OwnershipNode? tree, T current, T inbound, string source, string sourceRole)
        where T : class
    {
        var typeInfo = CanonicalJson.GetTypeInfo<T>();
        using var currentDocument = JsonSerializer.SerializeToDocument(current, typeInfo);
        using var inboundDocument = JsonSerializer.SerializeToDocument(inbound, typeInfo);
        var currentRoot = currentDocument.RootElement;
        var inboundRoot = inboundDocument.RootElement;
        var recordId = Identity(currentRoot, inboundRoot);
        var state = new MergeState(source, sourceRole, RecordTypeName<T>.Value, recordId);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            MergeObject(writer, currentRoot, inboundRoot, tree, tree?.OwnerOr(null), string.Empty, isRoot: true, state);
        }

        if (state.Applied is null)
        {
            return new OwnershipMergeResult<T>(current, isNew: false, [], (IReadOnlyList<OwnershipConflict>?)state.Conflicts ?? []);
        }

        var merged = CanonicalJson.Deserialize<T>(buffer.WrittenSpan);
        return new OwnershipMergeResult<T>(merged, isNew: false, state.Applied, (IReadOnlyList<OwnershipConflict>?)state.Conflicts ?? []);
    }

    public static OutboundRecord Filter<T>(OwnershipNode? tree, T record, string targetRole)
        where T : class
    {
        var typeInfo = CanonicalJson.GetTypeInfo<T>();
        using var document = JsonSerializer.SerializeToDocument(record, typeInfo);
        var buffer = new ArrayBufferWriter<byte>(256);
        List<string>? omitted = null;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            FilterObject(writer, document.RootElement, tree, tree?.OwnerOr(null), string.Empty, isRoot: true, targetRole, ref omitted);
        }

        using var filtered = JsonDocument.Parse(buffer.WrittenMemory);
        return new OutboundRecord(filtered.RootElement.Clone(), (IReadOnlyList<string>?)omitted ?? []);
    }

    private static string Identity(JsonElement current, JsonElement inbound)
    {
        var currentId = current.GetProperty(OwnershipConstants.IdProperty).GetString() ?? string.Empty;
        var inboundId = inbound.GetProperty(OwnershipConstants.IdProperty).GetString() ?? string.Empty;
        if (!string.Equals(currentId, inboundId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The inbound record {inboundId} is not the current record {currentId}; only versions of one record can be merged.", nameof(inbound));
        }

        if (!current.GetProperty(OwnershipConstants.TenantIdProperty).ValueEquals(inbound.GetProperty(OwnershipConstants.TenantIdProperty).GetString()))
        {
            throw new ArgumentException($"The inbound version of record {inboundId} belongs to another tenant.", nameof(inbound));
        }

        return currentId;
    }

    private static void MergeObject(Utf8JsonWriter writer, JsonElement current, JsonElement inbound, OwnershipNode? node, string? owner, string path, bool isRoot, MergeState state)
    {
        writer.WriteStartObject();
        foreach (var property in inbound.EnumerateObject())
        {
            var name = property.Name;
            var hasCurrent = current.TryGetProperty(name, out var currentValue);
            if (isRoot && OwnershipConstants.IsEngineManaged(name))
            {
                writer.WritePropertyName(name);
                if (string.Equals(name, OwnershipConstants.ExternalReferencesProperty, StringComparison.Ordinal))
                {
                    MergeReferences(writer, hasCurrent ? currentValue : default, property.Value, path + "/" + name, state);
                }
                else
                {
                    currentValue.WriteTo(writer);
                }

                continue;
            }

            MergeValue(writer, name, hasCurrent, currentValue, hasInbound: true, property.Value, node, owner, path, state);
        }

        foreach (var property in current.EnumerateObject())
        {
            if (!inbound.TryGetProperty(property.Name, out _))
            {
                MergeValue(writer, property.Name, hasCurrent: true, property.Value, hasInbound: false, default, node, owner, path, state);
            }
        }

        writer.WriteEndObject();
    }

    private static void MergeValue(
        Utf8JsonWriter writer, string name, bool hasCurrent, JsonElement current, bool hasInbound, JsonElement inbound, OwnershipNode? parent, string? inherited, string path, MergeState state)
    {
        var child = parent?.Child(name);
        var owner = child is null ? inherited : child.OwnerOr(inherited);
        if (hasCurrent && hasInbound && child?.Children is not null
            && current.ValueKind == JsonValueKind.Object && inbound.ValueKind == JsonValueKind.Object)
        {
            writer.WritePropertyName(name);
            MergeObject(writer, current, inbound, child, owner, path + "/" + name, isRoot: false, state);
            return;
        }

        if (hasCurrent == hasInbound && (!hasCurrent || JsonElement.DeepEquals(current, inbound)))
        {
            if (hasCurrent)
            {
                writer.WritePropertyName(name);
                current.WriteTo(writer);
            }

            return;
        }

        var pointer = path + "/" + name;
        if (owner is null || string.Equals(owner, state.SourceRole, StringComparison.Ordinal))
        {
            (state.Applied ??= []).Add(pointer);
            if (hasInbound)
            {
                writer.WritePropertyName(name);
                inbound.WriteTo(writer);
            }

            return;
        }

        (state.Conflicts ??= []).Add(new OwnershipConflict(
            state.RecordType,
            state.RecordId,
            pointer,
            owner,
            state.Source,
            hasCurrent ? current.Clone() : null,
            hasInbound ? inbound.Clone() : null));
        if (hasCurrent)
        {
            writer.WritePropertyName(name);
            current.WriteTo(writer);
        }
    }

    /// <summary>Keeps every other system's external reference and takes the source's own entry from the inbound record.</summary>
    private static void MergeReferences(Utf8JsonWriter writer, JsonElement current, JsonElement inbound, string pointer, MergeState state)
    {
        writer.WriteStartArray();
        var changed = false;
        if (current.ValueKind == JsonValueKind.Array)
        {
            foreach (var reference in current.EnumerateArray())
            {
                if (IsFromSource(reference, state.Source))
                {
                    changed |= !ContainsEqual(inbound, reference);
                    continue;
                }

                reference.WriteTo(writer);
            }
        }

        foreach (var reference in inbound.EnumerateArray())
        {
            if (IsFromSource(reference, state.Source))
            {
                changed |= current.ValueKind != JsonValueKind.Array || !ContainsEqual(current, reference);
                reference.WriteTo(writer);
            }
        }

        writer.WriteEndArray();
        if (changed)
        {
            (state.Applied ??= []).Add(pointer);
        }
    }

    private static bool IsFromSource(JsonElement reference, string source) =>
        reference.ValueKind == JsonValueKind.Object
        && reference.TryGetProperty(OwnershipConstants.SystemProperty, out var system)
        && system.ValueEquals(source);

    private static bool ContainsEqual(JsonElement array, JsonElement item)
    {
        foreach (var candidate in array.EnumerateArray())
        {
            if (JsonElement.DeepEquals(candidate, item))
            {
                return true;
            }
        }

        return false;
    }

    private static void FilterObject(Utf8JsonWriter writer, JsonElement element, OwnershipNode? node, string? owner, string path, bool isRoot, string targetRole, ref List<string>? omitted)
    {
        writer.WriteStartObject();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (isRoot && OwnershipConstants.IsEngineManaged(name))
            {
                property.WriteTo(writer);
                continue;
            }

            var child = node?.Child(name);
            var fieldOwner = child is null ? owner : child.OwnerOr(owner);
            if (child?.Children is not null && property.Value.ValueKind == JsonValueKind.Object)
            {
                writer.WritePropertyName(name);
                FilterObject(writer, property.Value, child, fieldOwner, path + "/" + name, isRoot: false, targetRole, ref omitted);
                continue;
            }

            if (fieldOwner is not null && string.Equals(fieldOwner, targetRole, StringComparison.Ordinal))
            {
                (omitted ??= []).Add(path + "/" + name);
                continue;
            }

            property.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static class RecordTypeName<T>
    {
        public static readonly string Value = CanonicalSchemaIds.GetSchemaName(typeof(T));
    }

    private sealed class MergeState(string source, string sourceRole, string recordType, string recordId)
    {
        public string Source { get; } = source;

        public string SourceRole { get; } = sourceRole;

        public string RecordType { get; } = recordType;

        public string RecordId { get; } = recordId;

        public List<string>? Applied { get; set; }

        public List<OwnershipConflict>? Conflicts { get; set; }
    }
}
