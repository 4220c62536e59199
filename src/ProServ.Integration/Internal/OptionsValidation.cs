using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ProServ.Integration.Internal;

/// <summary>Validates an options object by its DataAnnotations and its cross-field validator, listing every problem.</summary>
internal static class OptionsValidation
{
    public static List<string> Validate<TOptions>(TOptions options, IValidateOptions<TOptions>? validator, string prefix = "")
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                var members = string.Join(", ", result.MemberNames);
                var value = result.MemberNames.Select(m => typeof(TOptions).GetProperty(m)?.GetValue(options)).FirstOrDefault();
                failures.Add($"{prefix}{members}: {result.ErrorMessage} (got '{value}').");
            }
        }

        if (validator is not null)
        {
            var outcome = validator.Validate(Options.DefaultName, options);
            if (outcome.Failed)
            {
                failures.AddRange(outcome.Failures.Select(f => prefix + f));
            }
        }

        return failures;
    }
}
