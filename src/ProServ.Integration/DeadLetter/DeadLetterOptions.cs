using System.ComponentModel.DataAnnotations;

namespace ProServ.Integration.DeadLetter;

/// <summary>Configures the dead-letter stores: which payload fields are sensitive and how they are shown.</summary>
/// <remarks>Redaction applies only to what is listed for display; the stored payload stays intact for replay.</remarks>
public sealed class DeadLetterOptions
{
    /// <summary>
    /// Gets the JSON property names whose values are redacted wherever they occur, compared case-insensitively.
    /// The default value is <c>rate</c>, <c>billRate</c>, <c>costRate</c>, <c>unitPrice</c>, <c>email</c>, <c>phone</c>,
    /// <c>taxId</c>, <c>bankAccount</c>, <c>iban</c> and <c>accountNumber</c>.
    /// </summary>
    public ISet<string> SensitivePropertyNames { get; } =
        new HashSet<string>(DeadLetterConstants.DefaultSensitivePropertyNames, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets JSON Pointers (RFC 6901) of values to redact, for example <c>/client/billing/terms</c>; a <c>*</c> segment
    /// matches any property or array index. The default value is empty.
    /// </summary>
    public IList<string> SensitivePointers { get; } = [];

    /// <summary>Gets or sets the string that replaces a redacted value. The default value is <c>***</c>.</summary>
    [Required]
    public string RedactionPlaceholder { get; set; } = DeadLetterConstants.DefaultRedactionPlaceholder;
}
