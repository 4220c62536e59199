using System.Collections.Frozen;
using ProServ.Integration.Errors;

namespace ProServ.Integration.Model;

/// <summary>Holds the allowed status transitions of one lifecycle, for example the approval of a <see cref="TimeEntry"/>.</summary>
/// <typeparam name="TStatus">The status enum.</typeparam>
/// <remarks>
/// Staying in the same known status is always allowed (an idempotent re-delivery is not a transition). An unknown status
/// (the zero member, or an <see cref="OpenEnum{TEnum}"/> that is not known) can neither be left nor entered.
/// The instances are in <see cref="Lifecycles"/>. Immutable and thread-safe.
/// </remarks>
public sealed class Lifecycle<TStatus>
    where TStatus : struct, Enum
{
    private readonly FrozenDictionary<TStatus, FrozenSet<TStatus>> transitions;

    internal Lifecycle(string name, params (TStatus From, TStatus[] To)[] table)
    {
        Name = name;
        var map = new Dictionary<TStatus, FrozenSet<TStatus>>();
        foreach (var (from, to) in table)
        {
            map.Add(from, to.ToFrozenSet());
        }

        transitions = map.ToFrozenDictionary();
    }

    /// <summary>Gets the lifecycle's name, for example <c>time-entry</c>.</summary>
    public string Name { get; }

    /// <summary>Determines whether a record may move from one status to another.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when the transition is in the table, or both are the same known status.</returns>
    public bool CanTransition(TStatus from, TStatus to)
    {
        if (!OpenEnumTable<TStatus>.IsNamed(from) || !OpenEnumTable<TStatus>.IsNamed(to))
        {
            return false;
        }

        return EqualityComparer<TStatus>.Default.Equals(from, to)
            || (transitions.TryGetValue(from, out var targets) && targets.Contains(to));
    }

    /// <summary>Determines whether a record may move from one status to another; unknown statuses never may.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when both are known and <see cref="CanTransition(TStatus, TStatus)"/> allows it.</returns>
    public bool CanTransition(OpenEnum<TStatus> from, OpenEnum<TStatus> to) =>
        from.IsKnown && to.IsKnown && CanTransition(from.Value, to.Value);

    /// <summary>Throws when a record may not move from one status to another.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="IntegrationException">The transition is not allowed (code <see cref="ModelErrorCodes.LifecycleInvalidTransition"/>).</exception>
    public void EnsureTransition(OpenEnum<TStatus> from, OpenEnum<TStatus> to)
    {
        if (!CanTransition(from, to))
        {
            throw new IntegrationException(
                ModelErrorCodes.LifecycleInvalidTransition,
                $"The {Name} lifecycle does not allow '{Describe(from)}' -> '{Describe(to)}'.");
        }
    }

    /// <summary>Gets the statuses a record may move to from a status, excluding staying in it.</summary>
    /// <param name="from">The current status.</param>
    /// <returns>The allowed targets; empty for a terminal or unknown status.</returns>
    public IReadOnlyCollection<TStatus> GetAllowedTransitions(TStatus from) =>
        transitions.TryGetValue(from, out var targets) ? targets : FrozenSet<TStatus>.Empty;

    /// <summary>Determines whether a status has no way out.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when the status is known and no transition leaves it.</returns>
    public bool IsTerminal(TStatus status) => OpenEnumTable<TStatus>.IsNamed(status) && GetAllowedTransitions(status).Count == 0;

    private static string Describe(OpenEnum<TStatus> status) => status.RawValue.Length == 0 ? "(none)" : status.RawValue;
}
