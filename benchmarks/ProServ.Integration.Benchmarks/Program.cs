using BenchmarkDotNet.Running;
using ProServ.Integration.Benchmarks.Stores;

// `--claims`: a timed throughput run of idempotency claims (SQLite and PostgreSQL, each next to a raw INSERT loop);
// a database round trip per operation is too coarse and too stateful for BenchmarkDotNet's invocation model.
if (args.Length > 0 && args[0] == "--claims")
{
    return await ClaimThroughput.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
