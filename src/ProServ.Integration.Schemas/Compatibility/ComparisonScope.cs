namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>How the position being compared affects a change's effect.</summary>
/// <param name="Inverted">Inside an odd number of <c>not</c>: narrowing the subschema widens the schema, so the effects swap.</param>
/// <param name="BothWays">Inside <c>oneOf</c> or <c>if</c>, which are not monotonic: any effect breaks both ways.</param>
internal readonly record struct ComparisonScope(bool Inverted, bool BothWays)
{
    /// <summary>Gets the scope of the schema root.</summary>
    public static ComparisonScope Root => default;

    /// <summary>Returns the scope inside <c>not</c>.</summary>
    /// <returns>The scope.</returns>
    public ComparisonScope Negate() => this with { Inverted = !Inverted };

    /// <summary>Returns the scope inside a non-monotonic keyword.</summary>
    /// <returns>The scope.</returns>
    public ComparisonScope NonMonotonic() => this with { BothWays = true };

    /// <summary>Applies the scope to the effect a change has at the root.</summary>
    /// <param name="breaksBackward">The backward effect at the root.</param>
    /// <param name="breaksForward">The forward effect at the root.</param>
    /// <returns>The effect here.</returns>
    public (bool BreaksBackward, bool BreaksForward) Apply(bool breaksBackward, bool breaksForward)
    {
        if (BothWays && (breaksBackward || breaksForward))
        {
            return (true, true);
        }

        return Inverted ? (breaksForward, breaksBackward) : (breaksBackward, breaksForward);
    }
}
