using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace ProServ.Integration.Testing.PostgreSql;

/// <summary>
/// Gives tests a real PostgreSQL server: the one named by the <c>PROSERV_POSTGRES_CONNECTION</c> environment variable,
/// or else a throwaway cluster started from the installed binaries and deleted on dispose.
/// </summary>
/// <remarks>
/// <para>The throwaway cluster is created with <c>initdb</c> in a temporary folder and started with <c>pg_ctl</c> on a
/// free port of 127.0.0.1 (Unix socket in the same folder, <c>fsync</c> off: test data need not survive a power cut).
/// The binaries are looked up in <c>PROSERV_POSTGRES_BIN</c>, then <c>/usr/lib/postgresql/&lt;newest&gt;/bin</c>, then
/// <c>PATH</c>. <c>initdb</c> refuses to run as root, so when the process is privileged the cluster runs as the
/// <c>postgres</c> system user (created by Debian's <c>postgresql</c> package) through <c>runuser</c> or <c>setpriv</c>,
/// and the folder is given to that user. Dispose stops the server (<c>pg_ctl stop -m immediate</c>) and deletes the folder.</para>
/// <para>When the server cannot be started, <see cref="StartAsync"/> throws <see cref="InvalidOperationException"/> with
/// the reason and the server log: tests fail loudly rather than skip. Linux and macOS only. Thread-safe.</para>
/// </remarks>
public sealed class TemporaryPostgreSqlCluster : IAsyncDisposable
{
    /// <summary>The environment variable naming an existing server to use instead of a throwaway cluster.</summary>
    public const string ConnectionEnvironmentVariable = "PROSERV_POSTGRES_CONNECTION";

    /// <summary>The environment variable naming the folder of the PostgreSQL binaries (<c>initdb</c>, <c>pg_ctl</c>).</summary>
    public const string BinariesEnvironmentVariable = "PROSERV_POSTGRES_BIN";

    private const string ServiceUser = "postgres";

    private readonly string? _directory;
    private readonly string? _binaries;
    private readonly bool _runAsServiceUser;
    private readonly List<string> _databases = [];
    private readonly Lock _gate = new();
    private int _disposed;

    private TemporaryPostgreSqlCluster(string connectionString, string? directory, string? binaries, bool runAsServiceUser)
    {
        ConnectionString = connectionString;
        _directory = directory;
        _binaries = binaries;
        _runAsServiceUser = runAsServiceUser;
    }

    /// <summary>Gets the connection string of the server's maintenance database (<c>postgres</c> on a throwaway cluster).</summary>
    public string ConnectionString { get; }

    /// <summary>Gets a value indicating whether the server came from <c>PROSERV_POSTGRES_CONNECTION</c> (and is left running on dispose).</summary>
    public bool IsExternal => _directory is null;

    /// <summary>Starts a throwaway cluster, or connects to the server named by <c>PROSERV_POSTGRES_CONNECTION</c>.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The running server; dispose it to stop and delete a throwaway cluster.</returns>
    /// <exception cref="InvalidOperationException">The server could not be started or reached; the message says why.</exception>
    public static async Task<TemporaryPostgreSqlCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(ConnectionEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var cluster = new TemporaryPostgreSqlCluster(external, null, null, runAsServiceUser: false);
            await cluster.PingAsync($"the server named by {ConnectionEnvironmentVariable}", cancellationToken).ConfigureAwait(false);
            return cluster;
        }

        if (OperatingSystem.IsWindows())
        {
            throw new InvalidOperationException($"A throwaway PostgreSQL cluster needs Linux or macOS; on Windows set {ConnectionEnvironmentVariable}.");
        }

        var binaries = FindBinaries();
        var runAsServiceUser = Environment.IsPrivilegedProcess;
        var directory = Path.Combine(Path.GetTempPath(), "proserv-pg-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]);
        Directory.CreateDirectory(directory);
        try
        {
            if (runAsServiceUser)
            {
                await RunAsync("chown", ["-R", ServiceUser + ":", directory], cancellationToken).ConfigureAwait(false);
            }

            var data = Path.Combine(directory, "data");
            await RunToolAsync(
                binaries,
                runAsServiceUser,
                "initdb",
                ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
                cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var options = string.Create(
                    CultureInfo.InvariantCulture,
                    $"-c listen_addresses=127.0.0.1 -c port={port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
                try
                {
                    await RunToolAsync(
                        binaries,
                        runAsServiceUser,
                        "pg_ctl",
                        ["start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(directory, "server.log"), "-o", options],
                        cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    continue; // most likely the port was taken between probing and binding
                }

                var connectionString = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100");
                var cluster = new TemporaryPostgreSqlCluster(connectionString, directory, binaries, runAsServiceUser);
                try
                {
                    await cluster.PingAsync("the throwaway cluster", cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await cluster.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                return cluster;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var log = Path.Combine(directory, "server.log");
            var tail = File.Exists(log) ? File.ReadAllText(log) : "(no server log)";
            TryDelete(directory);
            throw new InvalidOperationException(
                $"Could not start a throwaway PostgreSQL cluster ({ex.Message}). Install PostgreSQL (eng/ensure-postgres.sh) or set {ConnectionEnvironmentVariable}. Server log:\n{tail}",
                ex);
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    /// <param name="prefix">A readable prefix for the name (lowercase letters, digits, <c>_</c>); the default value is <c>proserv_test</c>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The connection string of the new database; it is dropped when the cluster is disposed.</returns>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> holds other characters.</exception>
    public async Task<string> CreateDatabaseAsync(string prefix = "proserv_test", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        foreach (var c in prefix)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw new ArgumentException("A database name prefix holds lowercase letters, digits and '_' only.", nameof(prefix));
            }
        }

        var name = prefix + "_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12];
        await ExecuteAsync([$"CREATE DATABASE {name}"], cancellationToken).ConfigureAwait(false);

        lock (_gate)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the databases this instance created and, for a throwaway cluster, stops the server and deletes its folder.</summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (_directory is null)
        {
            string[] databases;
            lock (_gate)
            {
                databases = [.. _databases];
            }

            await ExecuteAsync([.. databases.Select(name => $"DROP DATABASE IF EXISTS {name} WITH (FORCE)")], CancellationToken.None).ConfigureAwait(false);
            return;
        }

        try
        {
            await RunToolAsync(_binaries!, _runAsServiceUser, "pg_ctl", ["stop", "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w"], CancellationToken.None)
                .ConfigureAwait(false);
        }
        finally
        {
            TryDelete(_directory);
        }
    }

    private static string FindBinaries()
    {
        static bool Has(string? folder) => !string.IsNullOrEmpty(folder) && File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

        var configured = Environment.GetEnvironmentVariable(BinariesEnvironmentVariable);
        if (Has(configured))
        {
            return configured!;
        }

        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            var newest = Directory.GetDirectories(Debian)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(x => Has(x.Folder))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Folder)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Has(folder))
            {
                return folder;
            }
        }

        throw new InvalidOperationException(
            $"No PostgreSQL binaries (initdb, pg_ctl) in {BinariesEnvironmentVariable}, {Debian}/*/bin or PATH.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunToolAsync(string binaries, bool runAsServiceUser, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(binaries, tool);
        if (!runAsServiceUser)
        {
            return RunAsync(path, arguments, cancellationToken);
        }

        // runuser (util-linux) is on every Debian; setpriv is the fallback. Both drop root for the postgres user.
        return File.Exists("/usr/sbin/runuser") || File.Exists("/sbin/runuser")
            ? RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments], cancellationToken)
            : RunAsync("setpriv", ["--reuid=" + ServiceUser, "--regid=" + ServiceUser, "--init-groups", "--", path, .. arguments], cancellationToken);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var message = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: ")
                .Append(await error.ConfigureAwait(false))
                .Append(await output.ConfigureAwait(false));
            throw new InvalidOperationException(message.ToString().Trim());
        }

        await Task.WhenAll(output, error).ConfigureAwait(false);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean /tmp; a failed delete must not hide the test result.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private async Task PingAsync(string what, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(["SELECT 1"], cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"Could not connect to {what}: {ex.Message}", ex);
        }
    }

    private async Task ExecuteAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            foreach (var sql in statements)
            {
                var command = new NpgsqlCommand(sql, connection);
                await using (command.ConfigureAwait(false))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
