using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>A compiled keyword (or a group of keywords evaluated together) of one schema object.</summary>
internal abstract class Keyword
{
    protected Keyword(string location) => Location = location;

    /// <summary>Gets the keyword's location relative to its schema object, for example <c>/minimum</c>.</summary>
    public string Location { get; }

    /// <summary>Gets a value indicating whether the keyword must run after the others (unevaluated*).</summary>
    public virtual bool RunsLast => false;

    /// <summary>Evaluates the keyword; records errors in <paramref name="state"/> when it collects them.</summary>
    public abstract bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated);

    /// <summary>Resolves references once every schema is compiled.</summary>
    public virtual void Link(SchemaCompiler compiler)
    {
    }

    protected bool Fail(ref EvaluationState state, string keyword, string message)
    {
        if (state.Collect)
        {
            state.AddError(SchemaErrorCodes.KeywordPrefix + keyword, Location, message);
        }

        return false;
    }
}
