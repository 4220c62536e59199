using ProServ.Integration.Schemas.Validation.Engine.Keywords;

namespace ProServ.Integration.Schemas.Validation.Engine.SinglePass;

/// <summary>
/// What the single pass checks for one schema object, with the <c>$ref</c>s it makes inline: the keywords per kind of
/// value, and for objects and arrays the one applicator that reaches their members and the keywords checked when they
/// close. Built once per compiled schema by <see cref="StreamPlanner"/>; read-only afterwards.
/// </summary>
internal sealed class StreamPlan
{
    public bool? Boolean { get; set; }

    public StreamStep[] StringSteps { get; set; } = [];

    public StreamStep[] NumberSteps { get; set; } = [];

    public StreamStep[] LiteralSteps { get; set; } = [];

    public StreamStep[] ObjectStartSteps { get; set; } = [];

    public StreamStep[] ArrayStartSteps { get; set; } = [];

    /// <summary>Gets or sets the <c>required</c> and <c>minProperties</c>/<c>maxProperties</c> keywords, in schema order.</summary>
    public StreamStep[] ObjectEndSteps { get; set; } = [];

    /// <summary>Gets or sets the <c>minItems</c>/<c>maxItems</c> and <c>uniqueItems</c> keywords, in schema order.</summary>
    public StreamStep[] ArrayEndSteps { get; set; } = [];

    public int RequiredCount { get; set; }

    /// <summary>Gets or sets, per <c>required</c> slot and per <c>properties</c> entry, the required bit that entry's name sets (0 if none).</summary>
    public ulong[][] RequiredBitsByProperty { get; set; } = [];

    public StreamStep? Properties { get; set; }

    public PropertiesKeyword? PropertiesKeyword => (PropertiesKeyword?)Properties?.Keyword;

    public StreamPlan[] PropertyPlans { get; set; } = [];

    /// <summary>Gets or sets the escaped JSON Pointer segment (such as <c>/id</c>) of each <c>properties</c> entry, for instance locations.</summary>
    public string[] PropertyPointers { get; set; } = [];

    public StreamPlan? AdditionalPlan { get; set; }

    public StreamStep? Items { get; set; }

    public ItemsKeyword? ItemsKeyword => (ItemsKeyword?)Items?.Keyword;

    public StreamPlan[] PrefixPlans { get; set; } = [];

    public StreamPlan? ItemsPlan { get; set; }

    public UniqueItemsKeyword? Unique { get; set; }

    /// <summary>Gets or sets a value indicating whether an object's errors come out in schema order without reordering.</summary>
    public bool ObjectInOrder { get; set; }

    /// <summary>Gets or sets a value indicating whether an array's errors come out in schema order without reordering.</summary>
    public bool ArrayInOrder { get; set; }
}
