using System.Text.Json.Serialization;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents a postal address, for example a client's billing address.</summary>
/// <remarks>Wire form: an object; <c>lines</c> (1 to 4 non-empty strings), <c>city</c> and <c>countryCode</c> are required.</remarks>
public sealed record PostalAddress : IJsonOnDeserialized
{
    /// <summary>Gets the street lines, 1 to 4, in order.</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>Gets the city or locality.</summary>
    public required string City { get; init; }

    /// <summary>Gets the state, province or region, if the country uses one.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the postal code, if the country uses one.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Gets the ISO 3166-1 alpha-2 country code, two uppercase letters, for example <c>DE</c>.</summary>
    public required string CountryCode { get; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(Lines, "lines");
    }
}
