using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Identifies an <see cref="Invoice"/>.</summary>
/// <remarks>A non-nil UUID; new ids are UUIDv7, ordered by creation time. Wire form: a lowercase hyphenated UUID string.
/// <c>default(InvoiceId)</c> wraps the nil UUID and is not a valid id. Immutable and thread-safe.</remarks>
[JsonConverter(typeof(CanonicalIdJsonConverter<InvoiceId>))]
public readonly record struct InvoiceId : ICanonicalId<InvoiceId>
{
    private InvoiceId(Guid value) => Value = value;

    /// <inheritdoc/>
    public Guid Value { get; }

    /// <summary>Creates a new time-ordered id (UUIDv7) stamped with the current time of <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public static InvoiceId New(TimeProvider timeProvider) => new(CanonicalIdText.NewVersion7(timeProvider));

    /// <inheritdoc/>
    public static InvoiceId FromGuid(Guid value) => new(CanonicalIdText.EnsureNotEmpty(value));

    /// <inheritdoc/>
    public static InvoiceId Parse(string text) => new(CanonicalIdText.Parse(text, nameof(InvoiceId)));

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? text, out InvoiceId id)
    {
        var valid = CanonicalIdText.TryParse(text, out var value);
        id = new(value);
        return valid;
    }

    /// <summary>Returns the lowercase hyphenated UUID.</summary>
    /// <returns>The wire form of the id.</returns>
    public override string ToString() => CanonicalIdText.Format(Value);
}
