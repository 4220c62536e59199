namespace ProServ.Integration.Connectors;

/// <summary>Lists what a connector can do with one stream of records.</summary>
[Flags]
public enum StreamAccess
{
    /// <summary>The stream is declared but can be neither read nor written.</summary>
    None = 0,

    /// <summary>Changes can be read incrementally from a cursor (<see cref="IChangeReader{TRecord}"/>).</summary>
    Read = 1,

    /// <summary>Records can be created or updated with an idempotency key (<see cref="IRecordWriter{TRecord}"/>).</summary>
    Write = 2,

    /// <summary>Both <see cref="Read"/> and <see cref="Write"/>.</summary>
    ReadWrite = Read | Write,
}
