namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>Compatibility between two versions of a schema, in the sense schema registries use.</summary>
public enum CompatibilityLevel
{
    /// <summary>Neither version reads all data of the other.</summary>
    None = 0,

    /// <summary>Readers on the new version read all data written under the old one.</summary>
    Backward = 1,

    /// <summary>Readers on the old version read all data written under the new one.</summary>
    Forward = 2,

    /// <summary>Both backward and forward.</summary>
    Full = 3,
}
