namespace ProServ.Integration.Mapping.Internal;

/// <summary>The compiled rules of one object scope (the record, or one item of an each rule).</summary>
internal sealed class CompiledRules
{
    public required ValueProducer[] Producers { get; init; }

    public required LookupCollector[] Collectors { get; init; }

    /// <summary>The top-level fields of the scope, in rule order.</summary>
    public required WriterNode[] Fields { get; init; }
}
