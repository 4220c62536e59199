using System.Text.Json;
using ProServ.Integration.Mapping.Internal;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Mapping;

/// <summary>Loads mapping documents: parses them with line tracking, validates them against <c>mapping.v1</c>, applies overlays, checks every rule
/// against the target schema and compiles the result. Every problem is reported at once in a <see cref="MappingLoadException"/>.</summary>
/// <remarks>Thread-safe. Loading is the expensive step; keep the <see cref="CompiledMapping"/>.</remarks>
public sealed class MappingLoader
{
    private readonly SchemaCatalog _catalog;

    /// <summary>Initializes a new instance of the <see cref="MappingLoader"/> class over <see cref="SchemaCatalog.Default"/>.</summary>
    public MappingLoader()
        : this(SchemaCatalog.Default)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MappingLoader"/> class.</summary>
    /// <param name="catalog">The catalog holding <c>mapping.v1</c> and the target schemas.</param>
    public MappingLoader(SchemaCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <summary>Gets a loader over <see cref="SchemaCatalog.Default"/>.</summary>
    public static MappingLoader Default { get; } = new();

    /// <summary>Loads a base mapping and its overlays (tenant, region, ...), applied in order.</summary>
    /// <param name="mapping">The base mapping document.</param>
    /// <param name="overlays">Overlay documents (<c>extends</c> naming the base); each replaces or adds only the rules it lists and may <c>remove</c> rules.</param>
    /// <returns>The compiled mapping.</returns>
    /// <exception cref="MappingLoadException">The documents have problems; every one is listed with file, line, column and pointer.</exception>
    public CompiledMapping Load(MappingFile mapping, params IReadOnlyList<MappingFile> overlays)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(overlays);
        var problems = new ProblemSink();
        var baseDocument = Read(mapping, problems);
        var overlayDocuments = overlays.Select(o => Read(o, problems)).ToArray();
        if (baseDocument is null || overlayDocuments.Any(o => o is null))
        {
            throw new MappingLoadException(problems.Problems);
        }

        var compiled = Compile(baseDocument, overlayDocuments!, problems);
        return problems.Problems.Count > 0 || compiled is null ? throw new MappingLoadException(problems.Problems) : compiled;
    }

    /// <summary>Loads a base mapping file and overlay files.</summary>
    /// <param name="path">The base mapping's path.</param>
    /// <param name="overlayPaths">The overlays' paths, applied in order.</param>
    /// <returns>The compiled mapping.</returns>
    /// <exception cref="MappingLoadException">The documents have problems.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public CompiledMapping LoadFile(string path, params IReadOnlyList<string> overlayPaths)
    {
        ArgumentNullException.ThrowIfNull(overlayPaths);
        return Load(MappingFile.FromPath(path), overlayPaths.Select(MappingFile.FromPath).ToArray());
    }

    /// <summary>Loads a reference mapping shipped in the package (<see cref="ReferenceMappings"/>) with optional overlays.</summary>
    /// <param name="id">The reference mapping's id, for example <see cref="ReferenceMappings.SalesforceOpportunity"/>.</param>
    /// <param name="overlays">Overlays, applied in order.</param>
    /// <returns>The compiled mapping.</returns>
    /// <exception cref="KeyNotFoundException">No reference mapping has the id.</exception>
    /// <exception cref="MappingLoadException">An overlay has problems.</exception>
    public CompiledMapping LoadReference(string id, params IReadOnlyList<MappingFile> overlays) => Load(ReferenceMappings.GetFile(id), overlays);

    private MappingDocumentModel? Read(MappingFile file, ProblemSink problems)
    {
        var positions = JsonPositionMap.Build(file.Utf8Json.Span, out var malformed);
        if (malformed is { } error)
        {
            problems.Add(file.Name, error.Line, error.Column, string.Empty, MappingErrorCodes.MalformedJson, error.Message);
            return null;
        }

        var schema = _catalog.Get(new SchemaReference(MappingConstants.SchemaName, MappingConstants.SchemaMajor)).Schema;
        using var document = JsonDocument.Parse(file.Utf8Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var result = schema.Validate(document.RootElement);
        if (!result.IsValid)
        {
            foreach (var violation in result.Errors)
            {
                var (line, column) = positions.Find(violation.InstanceLocation);
                problems.Add(file.Name, line, column, violation.InstanceLocation, MappingErrorCodes.SchemaViolation, $"{violation.Message} ({violation.Code} at {violation.KeywordLocation})");
            }

            return null;
        }

        return MappingDocumentModel.Read(file.Name, positions, document.RootElement);
    }

    private CompiledMapping? Compile(MappingDocumentModel baseDocument, MappingDocumentModel[] overlays, ProblemSink problems)
    {
        if (baseDocument.Extends is not null)
        {
            problems.Add(baseDocument, "/extends", MappingErrorCodes.OverlayMismatch, $"'{baseDocument.Id}' is an overlay of '{baseDocument.Extends}'; load that mapping with this one as its overlay.");
            return null;
        }

        foreach (var overlay in overlays.Where(o => !string.Equals(o.Extends, baseDocument.Id, StringComparison.Ordinal)))
        {
            problems.Add(overlay, overlay.Extends is null ? string.Empty : "/extends", MappingErrorCodes.OverlayMismatch,
                overlay.Extends is null ? $"'{overlay.Id}' is not an overlay (it has no extends)." : $"'{overlay.Id}' extends '{overlay.Extends}', not '{baseDocument.Id}'.");
        }

        if (baseDocument.Direction is not (MappingConstants.Inbound or MappingConstants.Outbound))
        {
            problems.Add(baseDocument, "/direction", MappingErrorCodes.UnsupportedDirection, $"Direction '{baseDocument.Direction}' is not compiled by this version; inbound and outbound are.");
        }

        if (!SchemaReference.TryParse(baseDocument.Target, out var target) || !_catalog.TryGet(target, out var descriptor) || descriptor.ClrType is null)
        {
            var records = string.Join(", ", _catalog.Schemas.Where(s => s.ClrType is not null).Select(s => s.Reference.ToString()));
            problems.Add(baseDocument, "/target", MappingErrorCodes.UnknownTarget, $"'{baseDocument.Target}' is not a canonical record in the schema catalog; records: {records}.");
            return null;
        }

        if (problems.Problems.Count > 0)
        {
            return null;
        }

        var rules = Merge(baseDocument, overlays, problems);
        var separator = baseDocument.Source!.IndexOf(':', StringComparison.Ordinal);
        var system = baseDocument.Source[..separator];
        var outbound = baseDocument.Direction == MappingConstants.Outbound;
        var shape = TargetSchemaReader.Read(_catalog, descriptor);

        // Outbound: the canonical record is the source (its fields are checked), the vendor shape the open target.
        var compiler = new MappingCompiler(problems, system, outbound ? shape : null);
        var compiled = compiler.Compile(rules, outbound ? new TargetShape { Kind = TargetKind.Any } : shape, isRecord: true, baseDocument, "/rules");
        SourcePath? sourceId = null;
        if (baseDocument.SourceId is { } sourceIdText)
        {
            sourceId = SourcePath.TryCompile(sourceIdText, out var error);
            if (sourceId is null || sourceId.HasWildcard)
            {
                problems.Add(baseDocument, "/sourceId", MappingErrorCodes.InvalidRule, error ?? "sourceId cannot contain '*'.");
            }
        }

        var version = baseDocument.Version + string.Concat(overlays.Select(o => $"+{o.Id}@{o.Version}"));
        var direction = outbound ? MappingDirection.Outbound : MappingDirection.Inbound;
        return new CompiledMapping(baseDocument.Id, version, direction, system, baseDocument.Source[(separator + 1)..], target, outbound ? typeof(System.Text.Json.Nodes.JsonObject) : descriptor.ClrType, compiled, sourceId, overlays.Select(o => o.Id).ToArray());
    }

    private static List<RuleModel> Merge(MappingDocumentModel baseDocument, MappingDocumentModel[] overlays, ProblemSink problems)
    {
        var rules = baseDocument.Rules.ToList();
        foreach (var overlay in overlays)
        {
            for (var i = 0; i < overlay.Remove.Count; i++)
            {
                if (rules.RemoveAll(r => r.Target == overlay.Remove[i]) == 0)
                {
                    problems.Add(overlay, $"/remove/{i}", MappingErrorCodes.OverlayMismatch, $"'{overlay.Remove[i]}' has no rule to remove.");
                }
            }

            foreach (var rule in overlay.Rules)
            {
                var index = rules.FindIndex(r => r.Target == rule.Target);
                if (index >= 0)
                {
                    rules[index] = rule;
                }
                else
                {
                    rules.Add(rule);
                }
            }
        }

        return rules;
    }
}
