using System.Text.Json;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>A node of the pre-built target tree: a field written from one rule's value (<see cref="Leaf"/> &gt;= 0) or an object of such fields.</summary>
internal sealed class WriterNode
{
    public required JsonEncodedText Name { get; init; }

    public required string TargetPath { get; init; }

    public int Leaf { get; init; } = -1;

    public bool Required { get; init; }

    public string SourceText { get; init; } = string.Empty;

    public WriterNode[] Children { get; set; } = [];

    /// <summary>The leaf indexes below this node, to know whether an optional object has any value.</summary>
    public int[] SubtreeLeaves { get; set; } = [];

    /// <summary>For an each rule: the compiled rules of one item.</summary>
    public CompiledRules? Items { get; init; }
}
