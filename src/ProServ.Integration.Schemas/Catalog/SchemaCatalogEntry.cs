namespace ProServ.Integration.Schemas.Catalog;

/// <summary>One validated document handed from <see cref="SchemaCatalogBuilder"/> to <see cref="SchemaCatalog"/>.</summary>
internal sealed record SchemaCatalogEntry(SchemaReference Reference, Uri Id, string Title, string FileName, Type? ClrType, ReadOnlyMemory<byte> Utf8Json);
