using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProServ.Integration.Mapping.Internal;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Mapping;

/// <summary>Maps source records to canonical records with a mapping compiled once at load (<see cref="MappingLoader"/>, <see cref="MappingBuilder"/>).</summary>
/// <remarks>Immutable and thread-safe: compile once, keep it (a singleton is fine) and map any number of records from any number of threads.
/// Each rule is a pre-built delegate with its source path pre-encoded as UTF-8; nothing re-reads the mapping document per record.</remarks>
public sealed class CompiledMapping
{
    private readonly CompiledRules _rules;
    private readonly SourcePath? _sourceId;
    private readonly JsonEncodedText _sourceSystemText;
    private Func<byte[], JsonObject>? _toCanonicalJson;
    private RecordBuffer? _writerCache;

    internal CompiledMapping(string id, string version, MappingDirection direction, string sourceSystem, string sourceObject, SchemaReference target, Type targetType, CompiledRules rules, SourcePath? sourceId, IReadOnlyList<string> overlays)
    {
        Id = id;
        Version = version;
        Direction = direction;
        SourceSystem = sourceSystem;
        SourceObject = sourceObject;
        Target = target;
        TargetType = targetType;
        _rules = rules;
        _sourceId = sourceId;
        _sourceSystemText = JsonEncodedText.Encode(sourceSystem);
        Overlays = overlays;
    }

    /// <summary>Gets the mapping's id.</summary>
    public string Id { get; }

    /// <summary>Gets the version as written in the base document, followed by <c>+overlay@version</c> for each overlay applied.</summary>
    public string Version { get; }

    /// <summary>Gets which way the mapping converts: <see cref="MappingDirection.Inbound"/> maps vendor records to <see cref="TargetType"/>;
    /// <see cref="MappingDirection.Outbound"/> maps canonical <see cref="Target"/> records (as canonical JSON) to vendor JSON, a <see cref="JsonObject"/>.</summary>
    public MappingDirection Direction { get; }

    /// <summary>Gets the vendor system (the source of an inbound mapping, the destination of an outbound one), for example <c>salesforce</c>.</summary>
    public string SourceSystem { get; }

    /// <summary>Gets the vendor object, for example <c>Opportunity</c>.</summary>
    public string SourceObject { get; }

    /// <summary>Gets the canonical schema, for example <c>opportunity@1</c>: the target of an inbound mapping, the source of an outbound one.</summary>
    public SchemaReference Target { get; }

    /// <summary>Gets the CLR type a mapping produces: the canonical record type (for example <see cref="Model.Opportunity"/>) when inbound, <see cref="JsonObject"/> when outbound.</summary>
    public Type TargetType { get; }

    /// <summary>Gets the ids of the overlays applied, in order.</summary>
    public IReadOnlyList<string> Overlays { get; }

    /// <summary>Gets a value indicating whether the mapping has cross-reference lookups (which need <see cref="MapAsync{T}(ReadOnlyMemory{byte}, MappingContext, CancellationToken)"/> when the context has a resolver).</summary>
    public bool HasLookups => _rules.Collectors.Length > 0;

    /// <summary>Maps one source record from UTF-8 JSON.</summary>
    /// <typeparam name="T">The target record type; must be <see cref="TargetType"/>.</typeparam>
    /// <param name="utf8Source">The source record's UTF-8 JSON.</param>
    /// <param name="context">The tenant and cross-reference resolver.</param>
    /// <param name="cancellationToken">The token to cancel cross-reference lookups.</param>
    /// <returns>The record or every error; never throws for bad source data.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not <see cref="TargetType"/>.</exception>
    public async ValueTask<MappingResult<T>> MapAsync<T>(ReadOnlyMemory<byte> utf8Source, MappingContext context, CancellationToken cancellationToken = default)
        where T : class
    {
        var results = await MapManyAsync<T>([utf8Source], context, cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>Maps a batch of source records from UTF-8 JSON, resolving the cross-references of the whole batch with one call per record type and system.</summary>
    /// <typeparam name="T">The target record type; must be <see cref="TargetType"/>.</typeparam>
    /// <param name="utf8Sources">The source records' UTF-8 JSON.</param>
    /// <param name="context">The tenant and cross-reference resolver.</param>
    /// <param name="cancellationToken">The token to cancel cross-reference lookups.</param>
    /// <returns>One result per source, in order.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not <see cref="TargetType"/>.</exception>
    public async ValueTask<IReadOnlyList<MappingResult<T>>> MapManyAsync<T>(IReadOnlyList<ReadOnlyMemory<byte>> utf8Sources, MappingContext context, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(utf8Sources);
        var documents = new JsonDocument?[utf8Sources.Count];
        try
        {
            var elements = new JsonElement[utf8Sources.Count];
            for (var i = 0; i < utf8Sources.Count; i++)
            {
                try
                {
                    documents[i] = JsonDocument.Parse(utf8Sources[i]);
                    elements[i] = documents[i]!.RootElement;
                }
                catch (JsonException)
                {
                    elements[i] = default;
                }
            }

            return await MapManyAsync<T>(elements, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var document in documents)
            {
                document?.Dispose();
            }
        }
    }

    /// <summary>Maps a batch of parsed source records, resolving the cross-references of the whole batch with one call per record type and system.</summary>
    /// <typeparam name="T">The target record type; must be <see cref="TargetType"/>.</typeparam>
    /// <param name="sources">The source records (an undefined element reports <see cref="MappingErrorCodes.MalformedSource"/>).</param>
    /// <param name="context">The tenant and cross-reference resolver.</param>
    /// <param name="cancellationToken">The token to cancel cross-reference lookups.</param>
    /// <returns>One result per source, in order.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not <see cref="TargetType"/>.</exception>
    public ValueTask<IReadOnlyList<MappingResult<T>>> MapManyAsync<T>(IReadOnlyList<JsonElement> sources, MappingContext context, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        EnsureType<T>();
        return MapManyCoreAsync<T>(sources, context, cancellationToken);
    }

    /// <summary>Maps one source record from UTF-8 JSON to JSON, whatever the direction: an inbound record is read as <see cref="TargetType"/>
    /// (so every model invariant holds) and written back as canonical JSON; an outbound record is the vendor JSON. For tools such as <c>proserv map</c>.</summary>
    /// <param name="utf8Source">The source record's UTF-8 JSON.</param>
    /// <param name="context">The tenant and cross-reference resolver.</param>
    /// <param name="cancellationToken">The token to cancel cross-reference lookups.</param>
    /// <returns>The record as a JSON object, or every error; never throws for bad source data.</returns>
    public async ValueTask<MappingResult<JsonObject>> MapToJsonAsync(ReadOnlyMemory<byte> utf8Source, MappingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        JsonDocument? document = null;
        try
        {
            JsonElement element = default;
            try
            {
                document = JsonDocument.Parse(utf8Source);
                element = document.RootElement;
            }
            catch (JsonException)
            {
                // An undefined element reports mapping.malformed-source.
            }

            var results = await MapManyCoreAsync<JsonObject>([element], context, cancellationToken).ConfigureAwait(false);
            return results[0];
        }
        finally
        {
            document?.Dispose();
        }
    }

    private async ValueTask<IReadOnlyList<MappingResult<T>>> MapManyCoreAsync<T>(IReadOnlyList<JsonElement> sources, MappingContext context, CancellationToken cancellationToken)
        where T : class
    {
        var run = new MappingRun(context, SourceSystem);
        if (HasLookups && context.CrossReferences is { } resolver)
        {
            foreach (var source in sources)
            {
                if (source.ValueKind == JsonValueKind.Object)
                {
                    foreach (var collector in _rules.Collectors)
                    {
                        collector(source, run);
                    }
                }
            }

            foreach (var ((recordType, system), ids) in run.Requests)
            {
                var found = await resolver.ResolveManyAsync(context.TenantId, recordType, system, ids, cancellationToken).ConfigureAwait(false);
                foreach (var (externalId, canonicalId) in found)
                {
                    run.Resolved[(recordType, system, externalId)] = canonicalId;
                }
            }
        }

        var results = new MappingResult<T>[sources.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = MapOne<T>(sources[i], run);
        }

        return results;
    }

    /// <summary>Maps one parsed source record synchronously: for mappings without lookups, or when the context has no resolver (lookups then follow their <c>onMissing</c>).</summary>
    /// <typeparam name="T">The target record type; must be <see cref="TargetType"/>.</typeparam>
    /// <param name="source">The source record.</param>
    /// <param name="context">The tenant (and no resolver, if the mapping has lookups).</param>
    /// <returns>The record or every error; never throws for bad source data.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not <see cref="TargetType"/>, or the mapping has lookups and the context a resolver (use <c>MapAsync</c>).</exception>
    public MappingResult<T> Map<T>(JsonElement source, MappingContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        EnsureType<T>();
        if (HasLookups && context.CrossReferences is not null)
        {
            throw new InvalidOperationException($"Mapping '{Id}' has cross-reference lookups; use MapAsync or MapManyAsync with a resolver.");
        }

        return MapOne<T>(source, new MappingRun(context, SourceSystem));
    }

    private void EnsureType<T>()
    {
        if (typeof(T) != TargetType)
        {
            throw new InvalidOperationException($"Mapping '{Id}' produces {TargetType.Name} ({Target}), not {typeof(T).Name}.");
        }
    }

    private MappingResult<T> MapOne<T>(JsonElement source, MappingRun run)
        where T : class
    {
        run.Errors.Clear();
        string? sourceId = null;
        if (source.ValueKind != JsonValueKind.Object)
        {
            run.Error(MappingErrorCodes.MalformedSource, string.Empty, $"The source record must be a JSON object; found {(source.ValueKind == JsonValueKind.Undefined ? "malformed JSON" : source.ValueKind.ToString())}.");
            return Fail<T>(run, sourceId);
        }

        if (_sourceId is not null && _sourceId.TryGet(source, out var idValue))
        {
            sourceId = MappedValue.FromRaw(idValue).AsText();
        }

        var producers = _rules.Producers;
        var values = new MappedValue[producers.Length];
        for (var i = 0; i < producers.Length; i++)
        {
            values[i] = MappingCompiler.Produce(producers[i], source, string.Empty, run);
        }

        var outbound = Direction == MappingDirection.Outbound;
        // One buffer and writer per mapping, reused across records (taken and returned atomically; a concurrent caller makes its own).
        var state = Interlocked.Exchange(ref _writerCache, null) ?? new RecordBuffer();
        try
        {
            return WriteAndRead<T>(values, sourceId, run, outbound, state.Buffer, state.Writer);
        }
        finally
        {
            if (state.Reset())
            {
                Interlocked.CompareExchange(ref _writerCache, state, null);
            }
        }
    }

    private MappingResult<T> WriteAndRead<T>(MappedValue[] values, string? sourceId, MappingRun run, bool outbound, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
        where T : class
    {
        {
            writer.WriteStartObject();
            if (!outbound)
            {
                writer.WriteString("tenantId"u8, run.Context.TenantId);
            }

            RecordWriter.WriteFields(writer, _rules.Fields, values, string.Empty, run);
            if (!outbound && sourceId is { Length: > 0 })
            {
                writer.WriteStartArray("externalReferences"u8);
                writer.WriteStartObject();
                writer.WriteString("system"u8, _sourceSystemText);
                writer.WriteString("id"u8, sourceId);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.Flush();
        }

        if (run.Errors.Count > 0)
        {
            return Fail<T>(run, sourceId);
        }

        if (outbound)
        {
            return new MappingResult<T>((T)(object)JsonNode.Parse(buffer.WrittenSpan)!.AsObject(), [], Lineage(sourceId));
        }

        try
        {
            if (typeof(T) == typeof(JsonObject))
            {
                // MapToJsonAsync of an inbound mapping: read the record (enforcing the model's invariants), write it back as canonical JSON.
                _toCanonicalJson ??= CreateCanonicalRoundTrip(TargetType);
                return new MappingResult<T>((T)(object)_toCanonicalJson(buffer.WrittenSpan.ToArray()), [], Lineage(sourceId));
            }

            return new MappingResult<T>(CanonicalJson.Deserialize<T>(buffer.WrittenSpan), [], Lineage(sourceId));
        }
        catch (JsonException exception)
        {
            run.Error(MappingErrorCodes.InvalidRecord, string.Empty, $"The mapped values do not form a valid {Target}: {exception.Message}");
            return Fail<T>(run, sourceId);
        }
    }

    /// <summary>A reusable output buffer and JSON writer for one record at a time.</summary>
    private sealed class RecordBuffer
    {
        private const int MaxCachedCapacity = 64 * 1024;

        public RecordBuffer() => Writer = new Utf8JsonWriter(Buffer);

        public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

        public Utf8JsonWriter Writer { get; }

        /// <summary>Clears the buffer and writer; returns <see langword="false"/> when the buffer grew too large to keep.</summary>
        public bool Reset()
        {
            Buffer.ResetWrittenCount();
            Writer.Reset(Buffer);
            return Buffer.Capacity <= MaxCachedCapacity;
        }
    }

    private static Func<byte[], JsonObject> CreateCanonicalRoundTrip(Type recordType) =>
        typeof(CompiledMapping).GetMethod(nameof(CanonicalRoundTrip), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(recordType)
            .CreateDelegate<Func<byte[], JsonObject>>();

    private static JsonObject CanonicalRoundTrip<TRecord>(byte[] utf8Json) =>
        JsonSerializer.SerializeToNode(CanonicalJson.Deserialize<TRecord>(utf8Json), CanonicalJson.GetTypeInfo<TRecord>())!.AsObject();

    private MappingResult<T> Fail<T>(MappingRun run, string? sourceId)
        where T : class => new(null, [.. run.Errors], Lineage(sourceId));

    private MappingLineage Lineage(string? sourceId) => new(Id, Version, SourceSystem, SourceObject, sourceId);
}
