namespace ProServ.Integration.Mapping.Internal;

/// <summary>The names and defaults of the mapping language, in one place.</summary>
internal static class MappingConstants
{
    public const string SchemaName = "mapping";

    public const int SchemaMajor = 1;

    public const string TenantIdField = "tenantId";

    public const string ExternalReferencesField = "externalReferences";

    public const string Inbound = "inbound";

    public const string Outbound = "outbound";

    /// <summary>A conversion of path rules: whole or fractional minutes to hours, rounded half-even to 2 fractional digits.</summary>
    public const string MinutesToHours = "minutesToHours";

    /// <summary>A conversion of money rules only: the amount is in the currency's minor units (cents), an integer.</summary>
    public const string MinorUnits = "minorUnits";

    /// <summary>The leading pointer segment that steps from an <c>each</c> item up to the enclosing object.</summary>
    public const string ParentSegment = "..";

    public const string OnUnmappedError = "error";

    public const string OnUnmappedPassthrough = "passthrough";

    public const string OnMissingError = "error";

    public const string OnMissingOmit = "omit";

    public const string OnMissingDerive = "derive";

    public const string ReferenceResourcePrefix = "ProServ.Integration.Mapping.Reference.";

    public const string ReferenceResourceSuffix = ".mapping.json";

    /// <summary>The conversions of <c>convert</c> and the kind each produces.</summary>
    public static readonly IReadOnlyDictionary<string, TargetKind> Conversions = new Dictionary<string, TargetKind>(StringComparer.Ordinal)
    {
        ["decimal"] = TargetKind.Number,
        ["integer"] = TargetKind.Integer,
        ["boolean"] = TargetKind.Boolean,
        ["string"] = TargetKind.String,
        ["date"] = TargetKind.Date,
        ["dateTime"] = TargetKind.DateTime,
        ["currency"] = TargetKind.Currency,
        ["lines"] = TargetKind.Array,
        [MinutesToHours] = TargetKind.Number,
        [MinorUnits] = TargetKind.Money,
    };

    public static string KindName(TargetKind kind) => kind switch
    {
        TargetKind.Any => "any JSON value",
        TargetKind.String => "string",
        TargetKind.Enum => "enum",
        TargetKind.Integer => "integer",
        TargetKind.Number => "number",
        TargetKind.Boolean => "boolean",
        TargetKind.Date => "date",
        TargetKind.DateTime => "date-time",
        TargetKind.Money => "money",
        TargetKind.Currency => "currency code",
        TargetKind.Uuid => "uuid",
        TargetKind.Object => "object",
        TargetKind.Array => "array",
        _ => kind.ToString(),
    };
}
