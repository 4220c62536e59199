namespace ProServ.Integration.Rules;

/// <summary>Describes one business rule a record breaks.</summary>
/// <param name="Code">The stable code, for example <c>rules.time-entry.daily-hours-exceeded</c>; built-in codes are in <see cref="RuleCodes"/>.</param>
/// <param name="Severity">Whether the violation blocks processing (<see cref="RuleSeverity.Error"/>) or only flags it.</param>
/// <param name="Path">The JSON Pointer of the offending value in the canonical JSON of the record (camelCase, for example <c>/lines/2/amount</c>); empty for the whole record.</param>
/// <param name="Message">What is wrong, in words a finance user understands, naming the values involved.</param>
/// <remarks>When the offending value is in another record than the one evaluated (for example a contract line of an engagement), <see cref="RecordType"/> and <see cref="RecordId"/> name that record and <see cref="Path"/> points into it.</remarks>
public sealed record RuleViolation(string Code, RuleSeverity Severity, string Path, string Message)
{
    /// <summary>Gets the schema name of the record <see cref="Path"/> points into (for example <c>contract-line</c>), or <see langword="null"/> for the evaluated record.</summary>
    public string? RecordType { get; init; }

    /// <summary>Gets the id of the record <see cref="Path"/> points into, or <see langword="null"/> for the evaluated record.</summary>
    public string? RecordId { get; init; }
}
