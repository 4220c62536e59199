namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>How an object schema treats a property it does not list in <c>properties</c>.</summary>
internal enum ContentModel
{
    /// <summary>Any value is accepted (no <c>additionalProperties</c>, or <see langword="true"/>, or <c>{}</c>).</summary>
    Open = 0,

    /// <summary>The property is rejected (<c>additionalProperties: false</c>).</summary>
    Closed = 1,

    /// <summary>The value must match a schema (<c>additionalProperties</c>, <c>unevaluatedProperties</c> or a matching <c>patternProperties</c>).</summary>
    Constrained = 2,
}
