// A throwaway consumer of the packed packages (see eng/consume-packages.sh): if this builds and runs
// against the .nupkg files, the packages can be consumed.
using ProServ.Integration.Schemas.Catalog;

var catalog = SchemaCatalog.Default;
if (catalog.Schemas.Count == 0)
{
    Console.Error.WriteLine("consumer: the schema catalog is empty");
    return 1;
}

Console.WriteLine($"consumer: {catalog.Schemas.Count} schemas in the catalog");
return 0;
