using ProServ.Integration.Errors;

namespace ProServ.Integration.Schemas.Validation;

/// <summary>Thrown when a schema document cannot be compiled; lists every problem found.</summary>
public sealed class JsonSchemaException : IntegrationException
{
    /// <summary>The error code of an invalid schema.</summary>
    public const string InvalidSchemaCode = "schema.invalid";

    /// <summary>Initializes a new instance of the <see cref="JsonSchemaException"/> class.</summary>
    /// <param name="problems">Every problem, each naming its location in the schema.</param>
    public JsonSchemaException(IReadOnlyList<string> problems)
        : base(InvalidSchemaCode, "Invalid JSON Schema: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found in the schema document.</summary>
    public IReadOnlyList<string> Problems { get; }
}
