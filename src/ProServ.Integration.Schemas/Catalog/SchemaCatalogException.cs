using ProServ.Integration.Errors;

namespace ProServ.Integration.Schemas.Catalog;

/// <summary>Thrown when a set of schema documents cannot form a catalog; lists every problem found.</summary>
public sealed class SchemaCatalogException : IntegrationException
{
    /// <summary>The error code of an invalid catalog.</summary>
    public const string InvalidCatalogCode = "schema.catalog-invalid";

    /// <summary>Initializes a new instance of the <see cref="SchemaCatalogException"/> class.</summary>
    /// <param name="problems">Every problem, each naming the file it concerns.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is <see langword="null"/>.</exception>
    public SchemaCatalogException(IReadOnlyList<string> problems)
        : base(InvalidCatalogCode, "Invalid schema catalog: " + string.Join("; ", problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, each naming the file it concerns.</summary>
    public IReadOnlyList<string> Problems { get; }
}
