using Npgsql;

namespace ProServ.Integration.PostgreSql;

/// <summary>Recognises the PostgreSQL errors the stores handle (SQLSTATE codes, never message text).</summary>
internal static class PostgreSqlErrors
{
    public const string UniqueViolation = "23505";

    public const string DeadlockDetected = "40P01";

    public const string SerializationFailure = "40001";

    public static bool IsUniqueViolation(PostgresException exception) => string.Equals(exception.SqlState, UniqueViolation, StringComparison.Ordinal);

    public static bool IsRetryableConflict(PostgresException exception) =>
        string.Equals(exception.SqlState, DeadlockDetected, StringComparison.Ordinal)
        || string.Equals(exception.SqlState, SerializationFailure, StringComparison.Ordinal);
}
