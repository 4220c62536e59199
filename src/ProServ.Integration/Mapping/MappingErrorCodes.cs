namespace ProServ.Integration.Mapping;

/// <summary>Lists the stable error codes of mappings: load-time problems (<see cref="MappingProblem.Code"/>) and per-record errors (<see cref="MappingError.Code"/>).</summary>
/// <remarks>Callers branch on these codes, never on message text. Every code starts with <c>mapping.</c>.</remarks>
public static class MappingErrorCodes
{
    /// <summary>The error code of <see cref="MappingLoadException"/>: the mapping document (or an overlay) has one or more problems.</summary>
    public const string Invalid = "mapping.invalid";

    /// <summary>Load: the document is not well-formed JSON.</summary>
    public const string MalformedJson = "mapping.malformed-json";

    /// <summary>Load: the document does not conform to <c>mapping.v1.schema.json</c>.</summary>
    public const string SchemaViolation = "mapping.schema";

    /// <summary>Load: <c>convert</c> names a conversion the engine does not have.</summary>
    public const string UnknownConversion = "mapping.unknown-conversion";

    /// <summary>Load: a rule produces a kind of value the target field cannot hold (for example money onto a date).</summary>
    public const string TypeMismatch = "mapping.type-mismatch";

    /// <summary>Load: a field the target schema requires has no rule.</summary>
    public const string RequiredUnmapped = "mapping.required-unmapped";

    /// <summary>Load: a value map, <c>const</c> or <c>default</c> produces a value the target's enum does not allow.</summary>
    public const string ValueNotInEnum = "mapping.value-not-in-enum";

    /// <summary>Load: two rules write the same target field.</summary>
    public const string DuplicateTarget = "mapping.duplicate-target";

    /// <summary>Load: a rule targets a field the target schema does not have, or one the engine sets itself.</summary>
    public const string UnknownTargetField = "mapping.unknown-target-field";

    /// <summary>Load: an outbound rule reads a field the canonical source record does not have.</summary>
    public const string UnknownSourceField = "mapping.unknown-source-field";

    /// <summary>Load: the target record (name@major) is not in the schema catalog.</summary>
    public const string UnknownTarget = "mapping.unknown-target";

    /// <summary>Load: a path, template, time zone or currency code in the document is not valid.</summary>
    public const string InvalidRule = "mapping.invalid-rule";

    /// <summary>Load: the mapping's direction is not compiled by this version.</summary>
    public const string UnsupportedDirection = "mapping.unsupported-direction";

    /// <summary>Load: an overlay extends a different mapping, or a document given as an overlay is not one.</summary>
    public const string OverlayMismatch = "mapping.overlay-mismatch";

    /// <summary>Record: the source document is not a JSON object.</summary>
    public const string MalformedSource = "mapping.malformed-source";

    /// <summary>Record: a value the target needs is absent from the source and the rule has no default.</summary>
    public const string MissingValue = "mapping.missing-value";

    /// <summary>Record: a source value cannot be converted (not a number, not a date, unknown currency, ...).</summary>
    public const string ConversionFailed = "mapping.conversion-failed";

    /// <summary>Record: a source value is not in the rule's value map and <c>onUnmapped</c> is <c>error</c>.</summary>
    public const string UnmappedValue = "mapping.unmapped-value";

    /// <summary>Record: a cross-reference lookup found no canonical id and <c>onMissing</c> is <c>error</c>.</summary>
    public const string LookupMissing = "mapping.lookup-missing";

    /// <summary>Record: the mapped values do not form a valid canonical record (reported with the reader's message).</summary>
    public const string InvalidRecord = "mapping.invalid-record";
}
