namespace ProServ.Integration.Ownership.Internal;

/// <summary>One level of a record type's ownership tree: the owner set at this pointer (if any) and the deeper pointers.</summary>
internal sealed class OwnershipNode
{
    public bool HasOwner { get; set; }

    /// <summary>Gets or sets the owner; <see langword="null"/> with <see cref="HasOwner"/> means shared.</summary>
    public string? Owner { get; set; }

    public Dictionary<string, OwnershipNode>? Children { get; private set; }

    public OwnershipNode? Child(string name) => Children is not null && Children.TryGetValue(name, out var child) ? child : null;

    public OwnershipNode GetOrAddChild(string name)
    {
        Children ??= new Dictionary<string, OwnershipNode>(StringComparer.Ordinal);
        if (!Children.TryGetValue(name, out var child))
        {
            child = new OwnershipNode();
            Children[name] = child;
        }

        return child;
    }

    /// <summary>Returns the owner that applies below this node when a child sets none.</summary>
    public string? OwnerOr(string? inherited) => HasOwner ? Owner : inherited;
}
