using System.Globalization;
using System.Text;

namespace ProServ.Integration.PostgreSql;

/// <summary>Checks <see cref="PostgreSqlStoreOptions"/> and lists every problem at once.</summary>
internal static class PostgreSqlStoreOptionsValidator
{
    public static void ThrowIfInvalid(PostgreSqlStoreOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            var message = new StringBuilder("Invalid PostgreSQL store options:");
            foreach (var problem in problems)
            {
                message.Append(' ').Append(problem);
            }

            throw new ArgumentException(message.ToString(), nameof(options));
        }
    }

    /// <summary>Lists every problem of the options, each naming the field and the bad value; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The problems.</returns>
    public static List<string> Validate(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (options.DataSource is null && !hasConnectionString)
        {
            problems.Add("Set PostgreSqlStoreOptions.DataSource or PostgreSqlStoreOptions.ConnectionString.");
        }
        else if (options.DataSource is not null && hasConnectionString)
        {
            problems.Add("Set only one of PostgreSqlStoreOptions.DataSource and PostgreSqlStoreOptions.ConnectionString.");
        }

        if (!IsIdentifier(options.SchemaName))
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"PostgreSqlStoreOptions.SchemaName '{options.SchemaName}' is not a lowercase identifier (a letter or '_', then letters, digits or '_', at most {PostgreSqlConstants.MaxIdentifierLength} characters)."));
        }

        if (options.ReplayClaimDuration <= TimeSpan.Zero || options.ReplayClaimDuration > TimeSpan.FromDays(1))
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"PostgreSqlStoreOptions.ReplayClaimDuration {options.ReplayClaimDuration} must be more than 0 and at most 1 day."));
        }

        return problems;
    }

    public static bool IsIdentifier(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > PostgreSqlConstants.MaxIdentifierLength)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = c is (>= 'a' and <= 'z') or '_' || (i > 0 && char.IsAsciiDigit(c));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
