namespace ProServ.Integration.Ownership;

/// <summary>Describes one line of an <see cref="OwnershipPolicy"/>: who owns a record type or one of its fields.</summary>
/// <param name="RecordType">The record's schema name, for example <c>invoice</c>.</param>
/// <param name="Path">The JSON Pointer of the field (for example <c>/taxTotal</c>), or empty for the record as a whole.</param>
/// <param name="Owner">The system of record, or <see langword="null"/> when the field is shared: any system may change it.</param>
public sealed record OwnershipEntry(string RecordType, string Path, string? Owner);
