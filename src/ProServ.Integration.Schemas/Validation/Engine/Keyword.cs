using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>A compiled keyword (or a group of keywords evaluated together) of one schema object.</summary>
internal abstract class Keyword
{
    private KeywordLocationCache? _locationCache;

    protected Keyword(string location)
    {
        Location = location;
        Code = SchemaErrorCodes.KeywordPrefix + location[1..];
    }

    /// <summary>Gets the keyword's location relative to its schema object, for example <c>/minimum</c>.</summary>
    public string Location { get; }

    /// <summary>Gets the error code of the keyword, for example <c>schema.minimum</c>; built once at compile time.</summary>
    public string Code { get; }

    /// <summary>Gets or sets the absolute keyword location last built for this keyword, with the evaluation path it was built for.</summary>
    /// <remarks>Read and written atomically: a compiled schema may be validating on several threads at once.</remarks>
    public KeywordLocationCache? LocationCache
    {
        get => Volatile.Read(ref _locationCache);
        set => Volatile.Write(ref _locationCache, value);
    }

    /// <summary>Gets a value indicating whether the keyword must run after the others (unevaluated*).</summary>
    public virtual bool RunsLast => false;

    /// <summary>Evaluates the keyword; records errors in <paramref name="state"/> when it collects them.</summary>
    public abstract bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated);

    /// <summary>Checks a string, number, boolean or null instance in the single pass; only keywords the stream planner routes here override it.</summary>
    public virtual bool EvaluateScalar(in ScalarValue value, ref EvaluationState state) =>
        throw new InvalidOperationException("The keyword " + Location + " has no single-pass form.");

    /// <summary>Resolves references once every schema is compiled.</summary>
    public virtual void Link(SchemaCompiler compiler)
    {
    }

    /// <summary>Records a failure of this keyword. Callers build <paramref name="message"/> only when <see cref="EvaluationState.Collect"/> is set.</summary>
    protected bool Fail(ref EvaluationState state, string message)
    {
        if (state.Collect)
        {
            state.AddError(this, message);
        }

        return false;
    }
}
