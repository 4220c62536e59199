using System.Text.Json;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>The state of mapping one record (or one batch, for lookups): the context, resolved cross-references and the errors so far.</summary>
internal sealed class MappingRun
{
    public MappingRun(MappingContext context, string sourceSystem)
    {
        Context = context;
        SourceSystem = sourceSystem;
    }

    public MappingContext Context { get; }

    public string SourceSystem { get; }

    public List<MappingError> Errors { get; } = [];

    /// <summary>The enclosing scopes of the <c>each</c> items being mapped, innermost last (read by paths starting with <c>..</c>).</summary>
    public List<JsonElement> Scopes { get; } = [];

    /// <summary>External ids to resolve, by (record type, system).</summary>
    public Dictionary<(string RecordType, string System), HashSet<string>> Requests { get; } = [];

    /// <summary>Resolved canonical ids by (record type, system, external id).</summary>
    public Dictionary<(string RecordType, string System, string ExternalId), Guid> Resolved { get; } = [];

    public void Request(string recordType, string system, string externalId)
    {
        if (!Requests.TryGetValue((recordType, system), out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            Requests[(recordType, system)] = ids;
        }

        ids.Add(externalId);
    }

    public void Error(string code, string path, string message) => Errors.Add(new MappingError(code, path, message));
}
