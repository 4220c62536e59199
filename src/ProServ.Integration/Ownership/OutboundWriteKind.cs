namespace ProServ.Integration.Ownership;

/// <summary>Lists what an outbound write does in the target system.</summary>
public enum OutboundWriteKind
{
    /// <summary>Updates a record the target already has: fields the target owns are never written.</summary>
    Update = 0,

    /// <summary>Creates the record in the target: every field is written, since the target has no value of its own yet.</summary>
    Create = 1,
}
