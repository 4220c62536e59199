namespace ProServ.Integration.Connectors;

/// <summary>A page of changes and the cursor to resume after it.</summary>
/// <typeparam name="TRecord">The canonical record type.</typeparam>
/// <param name="Changes">The changes in the page, oldest first; may be empty.</param>
/// <param name="Cursor">The opaque cursor to store once every change in this page and before it is committed downstream.</param>
public sealed record ChangePage<TRecord>(IReadOnlyList<RecordChange<TRecord>> Changes, string Cursor)
    where TRecord : class;
