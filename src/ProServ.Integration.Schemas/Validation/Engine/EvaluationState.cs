using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>
/// The mutable state of one validation, passed by reference so that a valid document allocates nothing for it.
/// </summary>
/// <remarks>
/// The evaluation path is kept as two pooled stacks — keyword segments (static strings precomputed at compile time)
/// and instance segments (the property or index) — and turned into JSON Pointer strings only when an error is
/// recorded, so the path costs one array write per level and nothing is concatenated on the way back up.
/// </remarks>
internal struct EvaluationState
{
    /// <summary>The number of <c>$ref</c> hops allowed at one instance location before a loop is reported.</summary>
    public const int MaxRefHops = 128;

    /// <summary>The execution stack is checked every this many levels (a power of two), not on every step.</summary>
    private const int StackCheckInterval = 8;

    private const int InitialErrorCapacity = 16;
    private const int InitialPathCapacity = 32;

    private List<SchemaValidationError>? _errors;
    private SchemaResource[]? _scope;
    private string[]? _keywordPath;
    /// <summary>Printable ASCII except the backslash (an escape), '~' and '/' (escaped in a JSON Pointer).</summary>
    private static readonly SearchValues<byte> PlainNameBytes = SearchValues.Create(
        "\u0020!\"#$%&'()*+,-.0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}"u8);

    private InstanceSegment[]? _instancePath;
    private ReadOnlyMemory<byte> _source;
    private int _keywordCount;
    private int _instanceCount;

    // The properties a PropertiesKeyword found at the current instance location, for the RequiredKeyword of the same
    // schema object. _visit changes whenever evaluation enters or leaves a child, so a mask is only read at the location
    // (and for the object) it was recorded at.
    private int _visit;
    private int _maskVisit;
    private ulong _presentMask;
    private object? _maskOwner;

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

    public readonly List<SchemaValidationError>? Errors => _errors;

    /// <summary>Records an error at the current instance location; <paramref name="keywordLocation"/> is relative to the current keyword path.</summary>
    public void AddError(string code, string keywordLocation, string message)
    {
        (_errors ??= new List<SchemaValidationError>(InitialErrorCapacity)).Add(
            new SchemaValidationError(code, BuildInstanceLocation(), BuildKeywordLocation(keywordLocation), message));
    }

    /// <summary>Records a failure of <paramref name="keyword"/> at the current locations, reusing its cached keyword location when the path is the same.</summary>
    public void AddError(Keyword keyword, string message)
    {
        (_errors ??= new List<SchemaValidationError>(InitialErrorCapacity)).Add(
            new SchemaValidationError(keyword.Code, BuildInstanceLocation(), CachedKeywordLocation(keyword), message));
    }

    /// <summary>Removes errors added since <paramref name="mark"/> (a probe that did not decide the outcome).</summary>
    public readonly void Truncate(int mark)
    {
        if (_errors is not null && _errors.Count > mark)
        {
            _errors.RemoveRange(mark, _errors.Count - mark);
        }
    }

    /// <summary>Enters a keyword segment of the evaluation path, such as <c>/properties/id</c> or <c>/$ref</c>.</summary>
    public void PushKeyword(string segment)
    {
        if (_keywordPath is null || _keywordCount == _keywordPath.Length)
        {
            Grow(ref _keywordPath, _keywordCount);
        }

        _keywordPath[_keywordCount++] = segment;
    }

    public void PopKeyword() => _keywordCount--;

    public void PushProperty(JsonProperty property)
    {
        if (_instancePath is null || _instanceCount == _instancePath.Length)
        {
            Grow(ref _instancePath, _instanceCount);
        }

        _instancePath[_instanceCount++] = new InstanceSegment(property);
    }

    public void PushItem(int index)
    {
        if (_instancePath is null || _instanceCount == _instancePath.Length)
        {
            Grow(ref _instancePath, _instanceCount);
        }

        _instancePath[_instanceCount++] = new InstanceSegment(index);
    }

    /// <summary>Enters a property the single pass read: its raw name is <paramref name="length"/> bytes at <paramref name="start"/> of <see cref="Source"/>.</summary>
    public void PushSourceName(int start, int length)
    {
        if (_instancePath is null || _instanceCount == _instancePath.Length)
        {
            Grow(ref _instancePath, _instanceCount);
        }

        _instancePath[_instanceCount++] = new InstanceSegment(start, length);
    }

    /// <summary>Enters a property named in the schema: <paramref name="pointer"/> is its escaped pointer segment, such as <c>/id</c>.</summary>
    public void PushKnownName(string pointer)
    {
        if (_instancePath is null || _instanceCount == _instancePath.Length)
        {
            Grow(ref _instancePath, _instanceCount);
        }

        _instancePath[_instanceCount++] = new InstanceSegment(pointer);
    }

    public void PopInstance() => _instanceCount--;

    /// <summary>Gets or sets the document the single pass reads; source-name segments point into it.</summary>
    public ReadOnlyMemory<byte> Source
    {
        readonly get => _source;
        set => _source = value;
    }

    /// <summary>
    /// Puts the errors recorded since <paramref name="mark"/> in keyword order: the single pass checks an object's or
    /// array's own keywords before (type, enum) or after (required, counts) its members, where the tree walk runs each
    /// keyword in schema order. <paramref name="ranges"/> lists, in the order they were recorded, which keyword (by
    /// order) recorded which errors.
    /// </summary>
    public readonly void OrderErrors(int mark, ReadOnlySpan<ErrorRange> ranges)
    {
        var errors = _errors!;
        var count = errors.Count - mark;
        var copy = new SchemaValidationError[count];
        errors.CopyTo(mark, copy, 0, count);
        var at = mark;
        var done = new bool[ranges.Length];
        for (var n = 0; n < ranges.Length; n++)
        {
            var next = -1;
            for (var i = 0; i < ranges.Length; i++)
            {
                if (!done[i] && (next < 0 || ranges[i].Order < ranges[next].Order))
                {
                    next = i;
                }
            }

            done[next] = true;
            for (var e = ranges[next].Start; e < ranges[next].End; e++)
            {
                errors[at++] = copy[e - mark];
            }
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
            Grow(ref _scope, ScopeCount);
        }

        _scope[ScopeCount++] = resource;
        return true;
    }

    public void PopScope() => _scope![--ScopeCount] = null!;

    /// <summary>Gives the pooled stacks back; call once when the validation ends.</summary>
    public void Release()
    {
        if (_scope is not null)
        {
            ArrayPool<SchemaResource>.Shared.Return(_scope, clearArray: true);
            _scope = null;
        }

        if (_keywordPath is not null)
        {
            ArrayPool<string>.Shared.Return(_keywordPath, clearArray: true);
            _keywordPath = null;
        }

        if (_instancePath is not null)
        {
            ArrayPool<InstanceSegment>.Shared.Return(_instancePath, clearArray: true);
            _instancePath = null;
        }
    }

    /// <summary>Records which of <paramref name="owner"/>'s property names (bit i = its name i) the object at the current location has.</summary>
    public void SetPresentMask(object owner, ulong mask)
    {
        _maskOwner = owner;
        _maskVisit = _visit;
        _presentMask = mask;
    }

    /// <summary>Gets the mask <paramref name="owner"/> recorded for the object at the current location, if it did.</summary>
    public readonly bool TryGetPresentMask(object owner, out ulong mask)
    {
        mask = _presentMask;
        return _maskVisit == _visit && ReferenceEquals(_maskOwner, owner);
    }

    /// <summary>Enters a child instance location; returns false (after recording json.too-deep) when too deep.</summary>
    public bool EnterChild(out int savedHops)
    {
        _visit++;
        savedHops = RefHops;
        RefHops = 0;
        InstanceDepth++;
        if (InstanceDepth > MaxDepth || ((InstanceDepth & (StackCheckInterval - 1)) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            if (Collect)
            {
                AddError(SchemaErrorCodes.TooDeep, string.Empty, "The instance is nested deeper than the maximum depth of " + MaxDepth.ToString(CultureInfo.InvariantCulture) + ".");
            }

            InstanceDepth--;
            RefHops = savedHops;
            return false;
        }

        return true;
    }

    public void LeaveChild(int savedHops)
    {
        _visit++;
        InstanceDepth--;
        RefHops = savedHops;
    }

    /// <summary>Gets a value indicating whether a <c>$ref</c> hop should check the execution stack (every few hops).</summary>
    public readonly bool ShouldCheckStack => (RefHops & (StackCheckInterval - 1)) == 0;

    private static void Grow<T>([System.Diagnostics.CodeAnalysis.NotNull] ref T[]? array, int count)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(InitialPathCapacity, count * 2));
        if (array is not null)
        {
            Array.Copy(array, bigger, count);
            ArrayPool<T>.Shared.Return(array, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }

        array = bigger;
    }

    private readonly string CachedKeywordLocation(Keyword keyword)
    {
        var path = _keywordPath is null ? ReadOnlySpan<string>.Empty : new ReadOnlySpan<string>(_keywordPath, 0, _keywordCount);
        var cached = keyword.LocationCache;
        if (cached is not null && cached.Matches(path))
        {
            return cached.Value;
        }

        var value = BuildKeywordLocation(keyword.Location);
        keyword.LocationCache = new KeywordLocationCache(path, value);
        return value;
    }

    private readonly string BuildKeywordLocation(string relative)
    {
        var length = relative.Length;
        for (var i = 0; i < _keywordCount; i++)
        {
            length += _keywordPath![i].Length;
        }

        if (length == relative.Length)
        {
            return relative;
        }

        return string.Create(length, (_keywordPath!, _keywordCount, relative), static (span, s) =>
        {
            var at = 0;
            for (var i = 0; i < s.Item2; i++)
            {
                var segment = s.Item1[i];
                segment.CopyTo(span[at..]);
                at += segment.Length;
            }

            s.Item3.CopyTo(span[at..]);
        });
    }

    private readonly string BuildInstanceLocation()
    {
        if (_instanceCount == 0)
        {
            return string.Empty;
        }

        // Common case: every name is printable ASCII needing no unescaping or ~0/~1, so each byte is one char and the
        // pointer is written in one pass into a stack buffer (a raw byte never yields more than one char).
        var source = _source.Span;
        var bound = 0;
        for (var i = 0; i < _instanceCount; i++)
        {
            var segment = _instancePath![i];
            bound += segment.Index switch
            {
                >= 0 => 12,
                InstanceSegment.KnownName => segment.Pointer!.Length,
                _ => 1 + RawName(segment, source).Length,
            };
        }

        char[]? rented = null;
        var buffer = bound <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(bound));
        try
        {
            var at = 0;
            for (var i = 0; i < _instanceCount; i++)
            {
                var segment = _instancePath![i];
                if (segment.Index == InstanceSegment.KnownName)
                {
                    segment.Pointer.AsSpan().CopyTo(buffer[at..]);
                    at += segment.Pointer!.Length;
                    continue;
                }

                buffer[at++] = '/';
                int written;
                if (segment.Index >= 0)
                {
                    segment.Index.TryFormat(buffer[at..], out written, default, CultureInfo.InvariantCulture);
                }
                else
                {
                    var raw = RawName(segment, source);
                    if (raw.IndexOfAnyExcept(PlainNameBytes) >= 0)
                    {
                        return BuildEscapedInstanceLocation();
                    }

                    Ascii.ToUtf16(raw, buffer[at..], out written);
                }

                at += written;
            }

            return new string(buffer[..at]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private readonly string BuildEscapedInstanceLocation()
    {

        // Upper bound: a raw UTF-8 byte (escaped or not) never yields more than one UTF-16 char, and ~0/~1 at most double a char.
        var bound = 0;
        for (var i = 0; i < _instanceCount; i++)
        {
            var segment = _instancePath![i];
            bound += segment.Index switch
            {
                >= 0 => 12,
                InstanceSegment.KnownName => segment.Pointer!.Length,
                _ => 1 + (2 * RawName(segment, _source.Span).Length),
            };
        }

        char[]? rented = null;
        var buffer = bound <= 512 ? stackalloc char[bound] : (rented = ArrayPool<char>.Shared.Rent(bound));
        try
        {
            var at = 0;
            for (var i = 0; i < _instanceCount; i++)
            {
                var segment = _instancePath![i];
                if (segment.Index == InstanceSegment.KnownName)
                {
                    segment.Pointer.AsSpan().CopyTo(buffer[at..]);
                    at += segment.Pointer!.Length;
                    continue;
                }

                buffer[at++] = '/';
                if (segment.Index >= 0)
                {
                    segment.Index.TryFormat(buffer[at..], out var written, default, CultureInfo.InvariantCulture);
                    at += written;
                }
                else
                {
                    at += WriteEscapedName(segment, _source.Span, buffer[at..]);
                }
            }

            return new string(buffer[..at]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<byte> RawName(in InstanceSegment segment, ReadOnlySpan<byte> source) =>
        segment.Index == InstanceSegment.SourceName
            ? source.Slice(segment.NameStart, segment.NameLength)
            : JsonMarshal.GetRawUtf8PropertyName(segment.Property);

    private static int WriteEscapedName(in InstanceSegment segment, ReadOnlySpan<byte> source, Span<char> destination)
    {
        var raw = RawName(segment, source);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            // Decode straight into place; escape only when the name holds '~' or '/'.
            var length = Encoding.UTF8.GetChars(raw, destination);
            if (destination[..length].IndexOfAny('~', '/') < 0)
            {
                return length;
            }
        }

        var name = segment.Index == InstanceSegment.SourceName ? JsonValues.Unescape(raw) : segment.Property.Name;

        var at = 0;
        foreach (var c in name)
        {
            if (c == '~')
            {
                destination[at++] = '~';
                destination[at++] = '0';
            }
            else if (c == '/')
            {
                destination[at++] = '~';
                destination[at++] = '1';
            }
            else
            {
                destination[at++] = c;
            }
        }

        return at;
    }
}
