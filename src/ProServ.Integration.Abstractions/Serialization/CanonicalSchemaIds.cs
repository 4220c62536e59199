using ProServ.Integration.Events;
using ProServ.Integration.Model;

namespace ProServ.Integration.Serialization;

/// <summary>Names the published JSON Schema of each canonical type: its kebab-case name and its <c>$id</c>.</summary>
/// <remarks>
/// The schema name is the CLR type name in kebab-case (<see cref="TimeEntry"/> is <c>time-entry</c>); the <c>$id</c> is
/// <c>https://schemas.proserv.dev/integration/&lt;name&gt;.v&lt;major&gt;.schema.json</c>, the same as the file name under <c>schemas/</c>.
/// Business events carry it as <c>dataschema</c>.
/// </remarks>
public static class CanonicalSchemaIds
{
    /// <summary>The base URI of every schema <c>$id</c>.</summary>
    public const string BaseUri = "https://schemas.proserv.dev/integration/";

    /// <summary>The major version of the model's schemas in this release.</summary>
    public const int CurrentMajor = 1;

    /// <summary>Gets every canonical record type that has a schema, plus <see cref="BusinessEvent"/>.</summary>
    public static IReadOnlyList<Type> RecordTypes { get; } =
    [
        typeof(Client), typeof(Opportunity), typeof(Engagement), typeof(ContractLine), typeof(Resource),
        typeof(ResourceAssignment), typeof(Milestone), typeof(TimeEntry), typeof(Expense), typeof(BillingEvent),
        typeof(Invoice), typeof(Payment), typeof(BusinessEvent),
    ];

    /// <summary>Gets the kebab-case schema name of a type, for example <c>time-entry</c> for <see cref="TimeEntry"/>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The schema name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is <see langword="null"/>.</exception>
    public static string GetSchemaName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return KebabCase.FromPascalCase(type.Name);
    }

    /// <summary>Gets the <c>$id</c> of the current major schema of a type.</summary>
    /// <param name="type">The type, for example <c>typeof(TimeEntry)</c>.</param>
    /// <returns>For example <c>https://schemas.proserv.dev/integration/time-entry.v1.schema.json</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is <see langword="null"/>.</exception>
    public static Uri For(Type type) => new($"{BaseUri}{GetSchemaName(type)}.v{CurrentMajor}.schema.json", UriKind.Absolute);
}
