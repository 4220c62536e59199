using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>$ref</c>, and <c>$dynamicRef</c> (resolved through the dynamic scope when it names a <c>$dynamicAnchor</c>).</summary>
internal sealed class RefKeyword : Keyword
{
    private readonly string? _dynamicAnchor;

    public RefKeyword(string keyword, string? dynamicAnchor)
        : base("/" + keyword)
    {
        _dynamicAnchor = dynamicAnchor;
    }

    /// <summary>Gets or sets the statically resolved target; set once during compilation.</summary>
    public SchemaNode? Target { get; set; }

    /// <summary>Gets a value indicating whether this is a <c>$dynamicRef</c> that resolves through the dynamic scope.</summary>
    public bool IsDynamic => _dynamicAnchor is not null;

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        var target = Target!;
        if (_dynamicAnchor is not null)
        {
            for (var i = 0; i < state.ScopeCount; i++)
            {
                if (state.ScopeAt(i)!.DynamicAnchors.TryGetValue(_dynamicAnchor, out var dynamicTarget))
                {
                    target = dynamicTarget;
                    break;
                }
            }
        }

        return Apply.Reference(target, instance, Location, Code, ref state, evaluated);
    }
}
