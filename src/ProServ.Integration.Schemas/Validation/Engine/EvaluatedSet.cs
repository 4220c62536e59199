namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>
/// Tracks which properties (by ordinal) and items of one instance location were evaluated, for
/// <c>unevaluatedProperties</c> and <c>unevaluatedItems</c>. Only created below a schema that uses them.
/// </summary>
internal sealed class EvaluatedSet
{
    private bool[]? _properties;
    private bool[]? _items;

    public int ItemsPrefix { get; private set; }

    public bool AllItems { get; private set; }

    public void MarkProperty(int ordinal)
    {
        if (_properties is null || ordinal >= _properties.Length)
        {
            Array.Resize(ref _properties, Math.Max(ordinal + 1, (_properties?.Length ?? 4) * 2));
        }

        _properties[ordinal] = true;
    }

    public bool IsPropertyEvaluated(int ordinal) => _properties is not null && ordinal < _properties.Length && _properties[ordinal];

    public void MarkItemsPrefix(int count)
    {
        if (count > ItemsPrefix)
        {
            ItemsPrefix = count;
        }
    }

    public void MarkAllItems() => AllItems = true;

    public void MarkItem(int index)
    {
        if (_items is null || index >= _items.Length)
        {
            Array.Resize(ref _items, Math.Max(index + 1, (_items?.Length ?? 4) * 2));
        }

        _items[index] = true;
    }

    public bool IsItemEvaluated(int index) =>
        AllItems || index < ItemsPrefix || (_items is not null && index < _items.Length && _items[index]);

    public void Merge(EvaluatedSet other)
    {
        if (other._properties is not null)
        {
            for (var i = 0; i < other._properties.Length; i++)
            {
                if (other._properties[i])
                {
                    MarkProperty(i);
                }
            }
        }

        if (other._items is not null)
        {
            for (var i = 0; i < other._items.Length; i++)
            {
                if (other._items[i])
                {
                    MarkItem(i);
                }
            }
        }

        MarkItemsPrefix(other.ItemsPrefix);
        AllItems |= other.AllItems;
    }
}
