namespace ProServ.Integration.Checkpoints;

/// <summary>Holds the argument checks every checkpoint store shares.</summary>
internal static class CheckpointArguments
{
    public static void ValidateKey(string tenant, string connector, string stream)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(connector);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
    }
}
