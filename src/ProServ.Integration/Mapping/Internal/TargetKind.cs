namespace ProServ.Integration.Mapping.Internal;

/// <summary>The kind of value a target field holds, derived from the target schema; also the kind a rule produces.</summary>
internal enum TargetKind
{
    /// <summary>Any JSON value (a raw copy of the source); compatible with every field.</summary>
    Any = 0,
    String,
    Enum,
    Integer,
    Number,
    Boolean,
    Date,
    DateTime,
    Money,
    Currency,
    Uuid,
    Object,
    Array,
}
