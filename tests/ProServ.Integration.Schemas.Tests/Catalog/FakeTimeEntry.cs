namespace ProServ.Integration.Schemas.Tests.Catalog;

/// <summary>Stands in for a canonical model type in catalog tests.</summary>
public sealed record FakeTimeEntry(string Id, decimal Hours);
