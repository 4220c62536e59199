using System.Text.Json.Nodes;

namespace ProServ.Integration.Testing.Fakes;

/// <summary>A snapshot of one record held by a fake system.</summary>
/// <param name="Id">The record's id in the fake system.</param>
/// <param name="Version">The record's version: 1 when created, incremented by every update and by deletion.</param>
/// <param name="ModifiedAt">When the fake system says the record last changed (its own, possibly skewed, clock).</param>
/// <param name="IsDeleted"><see langword="true"/> when the record was deleted and is kept as a tombstone.</param>
/// <param name="Data">A private copy of the record's fields, in the vendor's shape.</param>
/// <param name="Sequence">The order in which the fake committed this version; unique and increasing across the table.</param>
public sealed record FakeRecord(string Id, long Version, DateTimeOffset ModifiedAt, bool IsDeleted, JsonObject Data, long Sequence);
