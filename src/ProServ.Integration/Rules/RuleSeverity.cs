namespace ProServ.Integration.Rules;

/// <summary>Lists how serious a <see cref="RuleViolation"/> is.</summary>
public enum RuleSeverity
{
    /// <summary>The record must not be processed further (not billed, not provisioned) until it is corrected.</summary>
    Error = 0,

    /// <summary>The record may be processed, but a person should look at it.</summary>
    Warning = 1,
}
