using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>
/// The mutable state of one validation, passed by reference so that a valid document allocates nothing for it.
/// </summary>
internal struct EvaluationState
{
    /// <summary>The number of <c>$ref</c> hops allowed at one instance location before a loop is reported.</summary>
    public const int MaxRefHops = 128;

    private List<PendingError>? _errors;
    private SchemaResource[]? _scope;

    public EvaluationState(bool stopOnFirst, int maxDepth, bool trackDynamicScope)
    {
        StopOnFirst = stopOnFirst;
        MaxDepth = maxDepth;
        Collect = true;
        TrackDynamicScope = trackDynamicScope;
    }

    /// <summary>Gets or sets a value indicating whether errors are recorded (false inside anyOf/oneOf/not/if/contains probes).</summary>
    public bool Collect { get; set; }

    public readonly bool StopOnFirst { get; }

    public readonly int MaxDepth { get; }

    public readonly bool TrackDynamicScope { get; }

    public int InstanceDepth { get; set; }

    public int RefHops { get; set; }

    public int ScopeCount { get; private set; }

    /// <summary>Gets a value indicating whether evaluation may stop after a failure: errors are not wanted, or only the first one is.</summary>
    public readonly bool StopAfterFailure => !Collect || StopOnFirst;

    public readonly int ErrorCount => _errors?.Count ?? 0;

    public readonly List<PendingError>? Errors => _errors;

    public void AddError(string code, string keywordLocation, string message)
    {
        (_errors ??= []).Add(new PendingError(code, keywordLocation, message));
    }

    /// <summary>Prefixes the keyword location of errors added since <paramref name="mark"/>.</summary>
    public readonly void PrefixKeyword(int mark, string keywordSegment)
    {
        if (_errors is null)
        {
            return;
        }

        for (var i = mark; i < _errors.Count; i++)
        {
            _errors[i].KeywordLocation = keywordSegment + _errors[i].KeywordLocation;
        }
    }

    public readonly void PrefixChild(int mark, string instanceSegment, string keywordSegment)
    {
        if (_errors is null)
        {
            return;
        }

        for (var i = mark; i < _errors.Count; i++)
        {
            _errors[i].KeywordLocation = keywordSegment + _errors[i].KeywordLocation;
            _errors[i].InstanceLocation = instanceSegment + _errors[i].InstanceLocation;
        }
    }

    /// <summary>Removes errors added since <paramref name="mark"/> (a probe that did not decide the outcome).</summary>
    public readonly void Truncate(int mark)
    {
        if (_errors is not null && _errors.Count > mark)
        {
            _errors.RemoveRange(mark, _errors.Count - mark);
        }
    }

    public readonly SchemaResource? ScopeAt(int index) => _scope![index];

    /// <summary>Enters a schema resource of the dynamic scope; returns whether it was pushed.</summary>
    public bool PushScope(SchemaResource resource)
    {
        if (ScopeCount > 0 && ReferenceEquals(_scope![ScopeCount - 1], resource))
        {
            return false;
        }

        if (_scope is null || ScopeCount == _scope.Length)
        {
            var bigger = ArrayPool<SchemaResource>.Shared.Rent(Math.Max(16, ScopeCount * 2));
            if (_scope is not null)
            {
                Array.Copy(_scope, bigger, ScopeCount);
                ArrayPool<SchemaResource>.Shared.Return(_scope, clearArray: true);
            }

            _scope = bigger;
        }

        _scope[ScopeCount++] = resource;
        return true;
    }

    public void PopScope() => _scope![--ScopeCount] = null!;

    public void ReleaseScope()
    {
        if (_scope is not null)
        {
            ArrayPool<SchemaResource>.Shared.Return(_scope, clearArray: true);
            _scope = null;
        }
    }

    /// <summary>Enters a child instance location; returns false (after recording json.too-deep) when too deep.</summary>
    public bool EnterChild(out int savedHops)
    {
        savedHops = RefHops;
        RefHops = 0;
        InstanceDepth++;
        if (InstanceDepth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (Collect)
            {
                AddError(SchemaErrorCodes.TooDeep, string.Empty, "The instance is nested deeper than the maximum depth of " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
            }

            InstanceDepth--;
            RefHops = savedHops;
            return false;
        }

        return true;
    }

    public void LeaveChild(int savedHops)
    {
        InstanceDepth--;
        RefHops = savedHops;
    }
}
