using Microsoft.Extensions.Options;

namespace ProServ.Integration.PostgreSql.DependencyInjection;

/// <summary>Validates <see cref="PostgreSqlStoreOptions"/> on host start with the same rules the stores' constructors apply.</summary>
internal sealed class PostgreSqlOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        var problems = PostgreSqlStoreOptionsValidator.Validate(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
