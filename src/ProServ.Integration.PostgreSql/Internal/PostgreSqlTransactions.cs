using Npgsql;

namespace ProServ.Integration.PostgreSql;

/// <summary>Checks the caller's <see cref="NpgsqlTransaction"/> before a store writes inside it.</summary>
internal static class PostgreSqlTransactions
{
    public const string CompletedMessage = "The transaction has already completed.";

    /// <summary>Returns the transaction's connection.</summary>
    /// <param name="transaction">The caller's transaction.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transaction"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The transaction has completed.</exception>
    public static NpgsqlConnection ConnectionOf(NpgsqlTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Connection ?? throw new ArgumentException(CompletedMessage, nameof(transaction));
    }

    /// <summary>Tells whether the transaction is still open (Npgsql reports a completed one only when a command runs).</summary>
    /// <param name="transaction">The caller's transaction.</param>
    /// <returns><see langword="true"/> while the transaction can run commands.</returns>
    public static bool IsOpen(NpgsqlTransaction transaction)
    {
        try
        {
            return transaction.Connection is { State: System.Data.ConnectionState.Open } && transaction.IsolationLevel != System.Data.IsolationLevel.Unspecified;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
