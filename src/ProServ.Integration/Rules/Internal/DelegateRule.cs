namespace ProServ.Integration.Rules.Internal;

/// <summary>A rule written as a delegate in a <see cref="RuleSetBuilder{T}"/>.</summary>
internal sealed class DelegateRule<T>(string name, Func<T, RuleContext, CancellationToken, ValueTask> check) : IRule<T>
    where T : class
{
    public string Name { get; } = name;

    public ValueTask EvaluateAsync(T record, RuleContext context, CancellationToken cancellationToken) => check(record, context, cancellationToken);
}
