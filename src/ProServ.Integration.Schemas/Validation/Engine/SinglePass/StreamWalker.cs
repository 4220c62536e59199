using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.SinglePass;

/// <summary>
/// Validates a document in one forward pass over its <see cref="Utf8JsonReader"/> tokens, with no document tree:
/// each value is checked by the keywords of the one plan that applies to it, property names are found straight from
/// the UTF-8 bytes, and paths point into the source for errors. Records the same errors, with the same codes,
/// locations, messages and order, as the tree walk.
/// </summary>
/// <remarks>
/// When the pass meets what it leaves to the tree walk (malformed JSON, whose error the tree walk reports; or array
/// items <c>uniqueItems</c> cannot compare byte for byte), <see cref="TryValidate"/> returns false and the caller
/// validates the document again with the tree walk.
/// </remarks>
internal ref struct StreamWalker
{
    private readonly ReadOnlySpan<byte> _source;
    private Utf8JsonReader _reader;
    private bool _undecided;

    public StreamWalker(ReadOnlySpan<byte> source, int maxDepth)
    {
        _source = source;
        _reader = new Utf8JsonReader(source, new JsonReaderOptions { MaxDepth = maxDepth });
    }

    /// <summary>Validates the whole document; returns false when the tree walk must decide instead.</summary>
    public bool TryValidate(StreamPlan root, ref EvaluationState state, out bool valid)
    {
        valid = false;
        try
        {
            if (!_reader.Read())
            {
                return false;
            }

            valid = Value(root, ref state);
            return !_undecided && !_reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private bool Value(StreamPlan plan, ref EvaluationState state)
    {
        if (plan.Boolean is bool b)
        {
            if (!b)
            {
                state.AddError(SchemaNode.FalseCode, string.Empty, "The schema 'false' allows no value.");
            }

            _reader.Skip();
            return b;
        }

        return _reader.TokenType switch
        {
            JsonTokenType.StartObject => Object(plan, ref state),
            JsonTokenType.StartArray => Array(plan, ref state),
            JsonTokenType.String => Scalar(plan.StringSteps, ref state),
            JsonTokenType.Number => Scalar(plan.NumberSteps, ref state),
            _ => Scalar(plan.LiteralSteps, ref state),
        };
    }

    private bool Scalar(StreamStep[] steps, ref EvaluationState state)
    {
        if (steps.Length == 0)
        {
            return true;
        }

        var value = ScalarValue.FromToken(ref _reader, _source);
        var valid = true;
        foreach (var step in steps)
        {
            bool ok;
            if (step.Prefix.Length == 0)
            {
                ok = step.Keyword.EvaluateScalar(value, ref state);
            }
            else
            {
                PushPrefix(step.Prefix, ref state);
                ok = step.Keyword.EvaluateScalar(value, ref state);
                PopPrefix(step.Prefix, ref state);
            }

            valid &= ok;
        }

        return valid;
    }

    private bool Object(StreamPlan plan, ref EvaluationState state)
    {
        var mark = state.ErrorCount;
        Span<ErrorRange> ranges = stackalloc ErrorRange[plan.ObjectStartSteps.Length + plan.ObjectEndSteps.Length + 1];
        var rangeCount = 0;
        var valid = Start(plan.ObjectStartSteps, isObject: true, ranges, ref rangeCount, ref state);

        Span<ulong> seen = stackalloc ulong[plan.RequiredCount];
        seen.Clear();
        var properties = plan.PropertiesKeyword;
        var membersStart = state.ErrorCount;
        if (properties is not null)
        {
            PushPrefix(plan.Properties!.Prefix, ref state);
        }

        long count = 0;
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            count++;
            var nameStart = (int)_reader.TokenStartIndex + 1;
            var rawLength = _reader.ValueSpan.Length;
            var name = _reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(_reader.GetString()!) : _reader.ValueSpan;
            SchemaNode? child = null;
            StreamPlan? childPlan = null;
            string? location = null;
            var index = properties is null ? -1 : properties.Names.Find(name);
            if (index >= 0)
            {
                child = properties!.Properties[index].Schema;
                location = properties.Properties[index].Location;
                childPlan = plan.PropertyPlans[index];
                for (var slot = 0; slot < seen.Length; slot++)
                {
                    seen[slot] |= plan.RequiredBitsByProperty[slot][index];
                }
            }
            else
            {
                if (plan.RequiredCount > 0)
                {
                    MarkRequired(plan.ObjectEndSteps, name, seen);
                }

                if (properties?.Additional is not null)
                {
                    child = properties.Additional;
                    location = "/additionalProperties";
                    childPlan = plan.AdditionalPlan;
                }
            }

            var disallowedName = child?.BooleanValue == false ? Encoding.UTF8.GetString(name) : null;
            _reader.Read();
            if (child is null || child.BooleanValue == true)
            {
                _reader.Skip();
                continue;
            }

            if (index >= 0)
            {
                state.PushKnownName(plan.PropertyPointers[index]);
            }
            else
            {
                state.PushSourceName(nameStart, rawLength);
            }

            if (disallowedName is not null)
            {
                var keyword = Apply.KeywordOf(location!);
                state.AddError(SchemaErrorCodes.KeywordPrefix + keyword, location!, "Expected no property '" + disallowedName + "' ('" + keyword + "' is false) but it is present.");
                state.PopInstance();
                _reader.Skip();
                valid = false;
                continue;
            }

            state.PushKeyword(location!);
            valid &= Child(childPlan!, ref state);
            state.PopKeyword();
            state.PopInstance();
            if (_undecided)
            {
                return false;
            }
        }

        if (properties is not null)
        {
            PopPrefix(plan.Properties!.Prefix, ref state);
            AddRange(plan.Properties.Order, membersStart, ranges, ref rangeCount, ref state);
        }

        foreach (var step in plan.ObjectEndSteps)
        {
            var before = state.ErrorCount;
            PushPrefix(step.Prefix, ref state);
            valid &= step.Keyword is Keywords.RequiredKeyword required
                ? required.CheckSeen(seen[step.Slot], ref state)
                : ((Keywords.CountKeyword)step.Keyword).Check(count, ref state);
            PopPrefix(step.Prefix, ref state);
            AddRange(step.Order, before, ranges, ref rangeCount, ref state);
        }

        if (rangeCount > 1 && !plan.ObjectInOrder)
        {
            state.OrderErrors(mark, ranges[..rangeCount]);
        }

        return valid;
    }

    private bool Array(StreamPlan plan, ref EvaluationState state)
    {
        var mark = state.ErrorCount;
        Span<ErrorRange> ranges = stackalloc ErrorRange[plan.ArrayStartSteps.Length + plan.ArrayEndSteps.Length + 1];
        var rangeCount = 0;
        var valid = Start(plan.ArrayStartSteps, isObject: false, ranges, ref rangeCount, ref state);

        var items = plan.ItemsKeyword;
        var membersStart = state.ErrorCount;
        if (items is not null)
        {
            PushPrefix(plan.Items!.Prefix, ref state);
        }

        var unique = new UniqueTracker(plan.Unique is null ? default : stackalloc int[32]);
        var index = 0;
        try
        {
            while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
            {
                if (plan.Unique is not null && !unique.Add(_reader.TokenType, _reader.ValueIsEscaped, (int)_reader.TokenStartIndex, _reader.ValueSpan.Length, _source, index))
                {
                    _undecided = true;
                    return false;
                }

                SchemaNode? child = null;
                StreamPlan? childPlan = null;
                string? location = null;
                if (items is not null)
                {
                    if (index < items.Prefix.Length)
                    {
                        child = items.Prefix[index];
                        childPlan = plan.PrefixPlans[index];
                        location = items.PrefixLocations[index];
                    }
                    else if (items.Items is not null)
                    {
                        child = items.Items;
                        childPlan = plan.ItemsPlan;
                        location = "/items";
                    }
                }

                if (child is null || child.BooleanValue == true)
                {
                    _reader.Skip();
                }
                else if (child.BooleanValue == false)
                {
                    var keyword = Apply.KeywordOf(location!);
                    state.PushItem(index);
                    state.AddError(SchemaErrorCodes.KeywordPrefix + keyword, location!, "Expected no item " + index.ToString(CultureInfo.InvariantCulture) + " ('" + keyword + "' is false) but it is present.");
                    state.PopInstance();
                    _reader.Skip();
                    valid = false;
                }
                else
                {
                    state.PushKeyword(location!);
                    state.PushItem(index);
                    valid &= Child(childPlan!, ref state);
                    state.PopInstance();
                    state.PopKeyword();
                    if (_undecided)
                    {
                        return false;
                    }
                }

                index++;
            }

            if (items is not null)
            {
                PopPrefix(plan.Items!.Prefix, ref state);
                AddRange(plan.Items.Order, membersStart, ranges, ref rangeCount, ref state);
            }

            foreach (var step in plan.ArrayEndSteps)
            {
                var before = state.ErrorCount;
                PushPrefix(step.Prefix, ref state);
                valid &= step.Keyword is Keywords.UniqueItemsKeyword u
                    ? !unique.HasDuplicate || u.FailEqual(unique.First, unique.Second, ref state)
                    : ((Keywords.CountKeyword)step.Keyword).Check(index, ref state);
                PopPrefix(step.Prefix, ref state);
                AddRange(step.Order, before, ranges, ref rangeCount, ref state);
            }
        }
        finally
        {
            unique.Dispose();
        }

        if (rangeCount > 1 && !plan.ArrayInOrder)
        {
            state.OrderErrors(mark, ranges[..rangeCount]);
        }

        return valid;
    }

    private bool Child(StreamPlan plan, ref EvaluationState state)
    {
        if (!state.EnterChild(out var saved))
        {
            _reader.Skip();
            return false;
        }

        var ok = Value(plan, ref state);
        state.LeaveChild(saved);
        return ok;
    }

    private static bool Start(StreamStep[] steps, bool isObject, Span<ErrorRange> ranges, ref int rangeCount, ref EvaluationState state)
    {
        var valid = true;
        foreach (var step in steps)
        {
            var before = state.ErrorCount;
            PushPrefix(step.Prefix, ref state);
            valid &= step.Keyword is Keywords.TypeKeyword type
                ? type.EvaluateContainer(isObject, ref state)
                : ((Keywords.EnumKeyword)step.Keyword).EvaluateContainer(isObject, ref state);
            PopPrefix(step.Prefix, ref state);
            AddRange(step.Order, before, ranges, ref rangeCount, ref state);
        }

        return valid;
    }

    private static void MarkRequired(StreamStep[] endSteps, ReadOnlySpan<byte> name, Span<ulong> seen)
    {
        foreach (var step in endSteps)
        {
            if (step.Keyword is Keywords.RequiredKeyword required)
            {
                var bit = required.Find(name);
                if (bit >= 0)
                {
                    seen[step.Slot] |= 1UL << bit;
                }
            }
        }
    }

    private static void AddRange(int order, int before, Span<ErrorRange> ranges, ref int rangeCount, ref EvaluationState state)
    {
        if (state.ErrorCount > before)
        {
            ranges[rangeCount++] = new ErrorRange(order, before, state.ErrorCount);
        }
    }

    private static void PushPrefix(string[] prefix, ref EvaluationState state)
    {
        foreach (var segment in prefix)
        {
            state.PushKeyword(segment);
        }
    }

    private static void PopPrefix(string[] prefix, ref EvaluationState state)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            state.PopKeyword();
        }
    }

    /// <summary>
    /// Remembers an array's strings and literals as byte ranges of the source to find the first two equal items the
    /// way <c>uniqueItems</c> reports them (the lowest second index, then the lowest first index). Numbers, escaped
    /// strings and containers compare by value, not bytes: <see cref="Add"/> then returns false.
    /// </summary>
    private ref struct UniqueTracker
    {
        private Span<int> _ranges;
        private int[]? _rented;
        private int _count;

        public UniqueTracker(Span<int> buffer)
        {
            _ranges = buffer;
            First = -1;
            Second = -1;
        }

        public int First { get; private set; }

        public int Second { get; private set; }

        public readonly bool HasDuplicate => Second >= 0;

        public bool Add(JsonTokenType token, bool escaped, int tokenStart, int valueLength, scoped ReadOnlySpan<byte> source, int index)
        {
            if (HasDuplicate)
            {
                return true;
            }

            int start;
            int length;
            switch (token)
            {
                case JsonTokenType.String when !escaped:
                    // Keep the quotes, so that "true" the string never equals true the literal.
                    start = tokenStart;
                    length = valueLength + 2;
                    break;
                case JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                    start = tokenStart;
                    length = valueLength;
                    break;
                default:
                    return false;
            }

            var item = source.Slice(start, length);
            for (var j = 0; j < _count; j++)
            {
                if (source.Slice(_ranges[2 * j], _ranges[(2 * j) + 1]).SequenceEqual(item))
                {
                    First = j;
                    Second = index;
                    return true;
                }
            }

            if (2 * (_count + 1) > _ranges.Length)
            {
                var bigger = ArrayPool<int>.Shared.Rent(Math.Max(64, _ranges.Length * 2));
                _ranges[..(2 * _count)].CopyTo(bigger);
                Dispose();
                _rented = bigger;
                _ranges = bigger;
            }

            _ranges[2 * _count] = start;
            _ranges[(2 * _count) + 1] = length;
            _count++;
            return true;
        }

        public void Dispose()
        {
            if (_rented is not null)
            {
                ArrayPool<int>.Shared.Return(_rented);
                _rented = null;
            }
        }
    }
}
