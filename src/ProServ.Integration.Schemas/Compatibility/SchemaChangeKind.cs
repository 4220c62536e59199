namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>The kinds of change the compatibility checker recognises.</summary>
/// <remarks>The effect stated on each member is the usual one; inside <c>not</c> the effect is reversed, and inside <c>oneOf</c> or
/// <c>if</c> every change is reported as breaking both ways, because those keywords are not monotonic.</remarks>
public enum SchemaChangeKind
{
    /// <summary>A change the checker cannot classify precisely; reported as breaking both ways.</summary>
    Other = 0,

    /// <summary>A property was added to <c>properties</c>. Safe both ways when the old schema allowed any additional property;
    /// breaks forward when the old schema was closed (<c>additionalProperties: false</c>); when the old schema constrained
    /// additional properties with a schema, the effect is that of changing that schema into the new property's schema.</summary>
    PropertyAdded = 1,

    /// <summary>A property was removed from <c>properties</c>. Safe both ways when the new schema allows any additional property;
    /// breaks backward when the new schema is closed; when the new schema constrains additional properties with a schema, the effect
    /// is that of changing the removed property's schema into that schema.</summary>
    PropertyRemoved = 2,

    /// <summary>A name was added to <c>required</c>. Breaks backward: old data may lack it.</summary>
    RequiredAdded = 3,

    /// <summary>A name was removed from <c>required</c>. Breaks forward: new data may lack it.</summary>
    RequiredRemoved = 4,

    /// <summary>The allowed <c>type</c>s became a strict subset (or <c>type</c> was added). Breaks backward.</summary>
    TypeNarrowed = 5,

    /// <summary>The allowed <c>type</c>s became a strict superset (or <c>type</c> was removed). Breaks forward.</summary>
    TypeWidened = 6,

    /// <summary>The allowed <c>type</c>s changed so that neither set contains the other. Breaks both.</summary>
    TypeChanged = 7,

    /// <summary>A value was added to <c>enum</c>. Breaks forward: old readers reject the new value.</summary>
    EnumValueAdded = 8,

    /// <summary>A value was removed from <c>enum</c>. Breaks backward: old data may hold it.</summary>
    EnumValueRemoved = 9,

    /// <summary>An <c>enum</c> was introduced. Breaks backward.</summary>
    EnumAdded = 10,

    /// <summary>An <c>enum</c> was removed. Breaks forward.</summary>
    EnumRemoved = 11,

    /// <summary>A <c>const</c> was changed (breaks both), introduced (breaks backward) or removed (breaks forward).</summary>
    ConstChanged = 12,

    /// <summary>A <c>pattern</c> was changed, introduced or removed. Regular expressions are not compared: any change of the text
    /// is treated as possibly tightening and loosening, so it breaks both ways; introducing breaks backward, removing breaks forward.</summary>
    PatternChanged = 13,

    /// <summary>A <c>format</c> was changed (breaks both), introduced (breaks backward) or removed (breaks forward).
    /// Formats are asserted by this SDK's validator.</summary>
    FormatChanged = 14,

    /// <summary>A lower bound (<c>minimum</c>, <c>exclusiveMinimum</c>, <c>minLength</c>, <c>minItems</c>, <c>minProperties</c>,
    /// <c>minContains</c>) was raised or introduced. Breaks backward.</summary>
    MinimumRaised = 15,

    /// <summary>A lower bound was lowered or removed. Breaks forward.</summary>
    MinimumLowered = 16,

    /// <summary>An upper bound (<c>maximum</c>, <c>exclusiveMaximum</c>, <c>maxLength</c>, <c>maxItems</c>, <c>maxProperties</c>,
    /// <c>maxContains</c>) was raised or removed. Breaks forward.</summary>
    MaximumRaised = 17,

    /// <summary>An upper bound was lowered or introduced. Breaks backward.</summary>
    MaximumLowered = 18,

    /// <summary><c>multipleOf</c> changed. Breaks backward when the new divisor does not divide the old one, and forward when the old
    /// divisor does not divide the new one; introducing it breaks backward, removing it breaks forward.</summary>
    MultipleOfChanged = 19,

    /// <summary><c>uniqueItems</c> was turned on (breaks backward) or off (breaks forward).</summary>
    UniqueItemsChanged = 20,

    /// <summary><c>additionalProperties</c> or <c>unevaluatedProperties</c> became <see langword="false"/>. Breaks backward.</summary>
    AdditionalPropertiesClosed = 21,

    /// <summary><c>additionalProperties</c> or <c>unevaluatedProperties</c> stopped being <see langword="false"/>. Breaks forward.</summary>
    AdditionalPropertiesOpened = 22,

    /// <summary>An array position (<c>items</c>, <c>prefixItems</c>, <c>unevaluatedItems</c>) was closed with <see langword="false"/>
    /// (breaks backward) or opened (breaks forward), or <c>items</c> changed form.</summary>
    ItemsChanged = 23,

    /// <summary>A <c>$ref</c> points somewhere else. When both targets are local they are compared and their differences reported
    /// (the change itself breaks nothing); a non-local target cannot be compared, so the change breaks both.</summary>
    RefTargetChanged = 24,

    /// <summary>A definition was added to <c>$defs</c>. Breaks nothing by itself.</summary>
    DefinitionAdded = 25,

    /// <summary>A definition was removed from <c>$defs</c>. Breaks nothing by itself (a remaining <c>$ref</c> to it would make the schema invalid).</summary>
    DefinitionRemoved = 26,

    /// <summary>An annotation (<c>title</c>, <c>description</c>, <c>$comment</c>, <c>examples</c>, <c>default</c>, <c>deprecated</c>,
    /// <c>readOnly</c>, <c>writeOnly</c>) changed. Breaks nothing.</summary>
    AnnotationChanged = 27,
}
