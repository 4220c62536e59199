using Npgsql;

namespace ProServ.Integration.PostgreSql;

/// <summary>
/// Opens connections from one <see cref="NpgsqlDataSource"/> and creates the stores' schema once per instance,
/// idempotently, under a transaction-level advisory lock. Thread-safe; one per store.
/// </summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('proserv.schema-ddl:' || @schema, 0));";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly bool _createSchema;
    private readonly Lock _gate = new();
    private Task? _created;

    public PostgreSqlDatabase(PostgreSqlStoreOptions options)
    {
        PostgreSqlStoreOptionsValidator.ThrowIfInvalid(options);
        SchemaName = options.SchemaName;
        ReplayClaimDuration = options.ReplayClaimDuration;
        _createSchema = options.CreateSchemaOnStartup;
        if (options.DataSource is { } dataSource)
        {
            _dataSource = dataSource;
        }
        else
        {
            _dataSource = NpgsqlDataSource.Create(options.ConnectionString!);
            _ownsDataSource = true;
        }
    }

    /// <summary>Gets the validated schema name; safe to write into SQL unquoted.</summary>
    public string SchemaName { get; }

    public TimeSpan ReplayClaimDuration { get; }

    /// <summary>Opens a connection, creating the schema first when the options ask for it. The caller disposes it.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The open connection.</returns>
    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the schema once per instance (a failed attempt is retried by the next caller).</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the tables exist.</returns>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!_createSchema)
        {
            return Task.CompletedTask;
        }

        Task created;
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateAsync(CancellationToken.None);
            }

            created = _created;
        }

        return created.IsCompletedSuccessfully ? Task.CompletedTask : created.WaitAsync(cancellationToken);
    }

    /// <summary>Runs the DDL script in one transaction holding an advisory lock keyed by the schema name.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the script has committed.</returns>
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var lockCommand = new NpgsqlCommand(LockSql, connection, transaction);
                await using (lockCommand.ConfigureAwait(false))
                {
                    lockCommand.Parameters.AddWithValue("schema", SchemaName);
                    await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var ddl = new NpgsqlCommand(PostgreSqlStoreSchema.GetScript(SchemaName), connection, transaction);
                await using (ddl.ConfigureAwait(false))
                {
                    await ddl.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }
}
