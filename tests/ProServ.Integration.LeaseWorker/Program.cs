using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Sqlite;

// Usage: ProServ.Integration.LeaseWorker <database file> <tenant> <key> <request json> <lease milliseconds>
// Begins the idempotent operation <key> through IdempotentExecutor on the SQLite file, prints "lease acquired" once it
// holds the lease, and then blocks inside the operation until it is killed: the operation's side effect (a row in
// side_effects) is never written by this process. Exit codes: 2 bad arguments, 3 the key was not acquired.
if (args.Length != 5 || !long.TryParse(args[4], NumberStyles.None, CultureInfo.InvariantCulture, out var leaseMs))
{
    await Console.Error.WriteLineAsync("usage: <database file> <tenant> <key> <request json> <lease milliseconds>");
    return 2;
}

var store = new SqliteIdempotencyStore(new SqliteStoreOptions { ConnectionString = $"Data Source={args[0]}" }, TimeProvider.System);
var options = new IdempotencyOptions { LeaseDuration = TimeSpan.FromMilliseconds(leaseMs) };
var executor = new IdempotentExecutor(store, Options.Create(options), TimeProvider.System);
var outcomeType = (JsonTypeInfo<int>)JsonSerializerOptions.Default.GetTypeInfo(typeof(int));
try
{
    await executor.ExecuteOnceAsync(
        args[1],
        "billing.post-time-entry",
        IdempotencyKey.Create(args[2]),
        RequestFingerprint.FromBytes(Encoding.UTF8.GetBytes(args[3])),
        async cancellationToken =>
        {
            Console.WriteLine("lease acquired");
            await Console.Out.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("Unreachable: the worker is killed while it holds the lease.");
        },
        outcomeType,
        CancellationToken.None);
}
catch (IdempotencyInProgressException)
{
    Console.WriteLine("not acquired: in progress");
    return 3;
}

return 0;
