namespace ProServ.Integration.Mapping;

/// <summary>Specifies which way a mapping converts.</summary>
public enum MappingDirection
{
    /// <summary>A vendor shape to a canonical record (<c>inbound</c>).</summary>
    Inbound = 0,

    /// <summary>A canonical record to a vendor shape (<c>outbound</c>); not compiled by this version.</summary>
    Outbound = 1,
}
