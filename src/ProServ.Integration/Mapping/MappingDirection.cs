namespace ProServ.Integration.Mapping;

/// <summary>Specifies which way a mapping converts.</summary>
public enum MappingDirection
{
    /// <summary>A vendor shape to a canonical record (<c>inbound</c>).</summary>
    Inbound = 0,

    /// <summary>A canonical record to a vendor shape (<c>outbound</c>): rule paths read the canonical record, rule targets write the vendor JSON.</summary>
    Outbound = 1,
}
