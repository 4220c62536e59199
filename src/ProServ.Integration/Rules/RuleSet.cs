namespace ProServ.Integration.Rules;

/// <summary>Starts rule sets: <c>RuleSet.CreateBuilder&lt;TimeEntry&gt;("my-time-rules", 1)</c>.</summary>
public static class RuleSet
{
    /// <summary>Starts a new rule set.</summary>
    /// <typeparam name="T">The record type the rules check.</typeparam>
    /// <param name="name">The name: lowercase letters, digits and hyphens, starting with a letter, at most 64 characters.</param>
    /// <param name="version">The version, at least 1; raise it whenever the rules change.</param>
    /// <returns>A builder; <see cref="RuleSetBuilder{T}.Build"/> checks the name, version and rules.</returns>
    public static RuleSetBuilder<T> CreateBuilder<T>(string name, int version)
        where T : class => new(name, version);
}
