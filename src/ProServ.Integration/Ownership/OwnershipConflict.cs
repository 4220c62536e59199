using System.Text.Json;

namespace ProServ.Integration.Ownership;

/// <summary>Describes an inbound change to a field that the sending system does not own; the change was not applied.</summary>
/// <param name="RecordType">The record's schema name, for example <c>opportunity</c>.</param>
/// <param name="RecordId">The record's id.</param>
/// <param name="Path">The JSON Pointer of the field in the canonical JSON, for example <c>/amount</c>.</param>
/// <param name="Owner">The system of record of the field, for example <c>crm</c>.</param>
/// <param name="Source">The system that sent the change, as it was named (for example <c>netsuite</c>).</param>
/// <param name="CurrentValue">The value kept, or <see langword="null"/> when the field is absent.</param>
/// <param name="AttemptedValue">The value the source sent, or <see langword="null"/> when it tried to clear the field.</param>
public sealed record OwnershipConflict(
    string RecordType,
    string RecordId,
    string Path,
    string Owner,
    string Source,
    JsonElement? CurrentValue,
    JsonElement? AttemptedValue)
{
    /// <summary>Gets the stable code, always <see cref="OwnershipErrorCodes.Conflict"/>.</summary>
    public string Code { get; } = OwnershipErrorCodes.Conflict;

    /// <summary>Gets a message for the person who resolves the conflict.</summary>
    public string Message =>
        $"{Source} tried to change {Path} of {RecordType} {RecordId} from {Show(CurrentValue)} to {Show(AttemptedValue)}, but {Owner} owns that field; the {Owner} value was kept. Make the change in {Owner}.";

    private static string Show(JsonElement? value) => value is { } element ? element.GetRawText() : "nothing";
}
