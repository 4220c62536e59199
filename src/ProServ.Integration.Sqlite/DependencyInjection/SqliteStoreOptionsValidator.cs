using Microsoft.Extensions.Options;
using ProServ.Integration.Internal;

namespace ProServ.Integration.Sqlite.DependencyInjection;

/// <summary>Validates <see cref="SqliteStoreOptions"/> by their DataAnnotations, naming each problem by its configuration path.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = OptionsValidation.Validate(options, null, "Sqlite:");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
