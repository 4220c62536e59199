using System.Globalization;
using System.Text;

namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>The result of comparing two schema versions.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CompatibilityReport
{
    internal CompatibilityReport(IReadOnlyList<SchemaChange> changes)
    {
        Changes = changes;
        var backward = true;
        var forward = true;
        foreach (var change in changes)
        {
            backward &= !change.BreaksBackward;
            forward &= !change.BreaksForward;
        }

        Level = (backward ? CompatibilityLevel.Backward : CompatibilityLevel.None) | (forward ? CompatibilityLevel.Forward : CompatibilityLevel.None);
    }

    /// <summary>Gets every change, in schema order.</summary>
    public IReadOnlyList<SchemaChange> Changes { get; }

    /// <summary>Gets the compatibility level: full, backward, forward or none.</summary>
    public CompatibilityLevel Level { get; }

    /// <summary>Gets a value indicating whether any change breaks readers or writers.</summary>
    public bool IsBreaking => Level != CompatibilityLevel.Full;

    /// <summary>Gets the changes that break backward or forward compatibility.</summary>
    public IEnumerable<SchemaChange> BreakingChanges => Changes.Where(c => c.BreaksBackward || c.BreaksForward);

    /// <summary>Returns a summary line followed by one line per change (see <see cref="SchemaChange.ToString"/>).</summary>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public override string ToString() => Format(includeCompatible: true);

    /// <summary>Formats the report for a terminal: a summary line followed by one line per change, for example
    /// <c>BREAKS-BACKWARD /properties/x: required added 'x'</c>.</summary>
    /// <param name="includeCompatible">Whether to list changes that break nothing (annotations, added definitions).</param>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public string Format(bool includeCompatible)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"Compatibility: {Level} ({Changes.Count} change{(Changes.Count == 1 ? string.Empty : "s")})");
        foreach (var change in Changes)
        {
            if (includeCompatible || change.BreaksBackward || change.BreaksForward)
            {
                builder.Append('\n').Append(change);
            }
        }

        return builder.ToString();
    }
}
