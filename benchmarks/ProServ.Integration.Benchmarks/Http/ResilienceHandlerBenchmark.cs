using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Benchmarks.Http;

/// <summary>
/// The overhead the resilience handler adds to a successful loopback call: the same GET (and a keyed POST) to a Kestrel
/// server on 127.0.0.1, through a bare IHttpClientFactory client (baseline) and through one with the handler.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ResilienceHandlerBenchmark
{
    private static readonly Uri Path = new("projects/p-1", UriKind.Relative);
    private static readonly IdempotencyKey Key = IdempotencyKey.Create("bench-key-1");
    private WebApplication _server = null!;
    private ServiceProvider _services = null!;
    private HttpClient _bare = null!;
    private HttpClient _resilient = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.Run(context =>
        {
            context.Response.StatusCode = HttpMethods.IsPost(context.Request.Method) ? 201 : 200;
            return context.Response.WriteAsync("{\"id\":\"p-1\"}");
        });
        await _server.StartAsync();
        var address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var services = new ServiceCollection();
        services.AddHttpClient("bare", c => c.BaseAddress = address);
        services.AddHttpClient("resilient", c => c.BaseAddress = address).AddProServResilienceHandler();
        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<IHttpClientFactory>();
        _bare = factory.CreateClient("bare");
        _resilient = factory.CreateClient("resilient");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _bare.Dispose();
        _resilient.Dispose();
        await _services.DisposeAsync();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    [BenchmarkCategory("GET"), Benchmark(Baseline = true, Description = "bare HttpClient")]
    public async Task<int> BareGet()
    {
        using var response = await _bare.GetAsync(Path);
        return (int)response.StatusCode;
    }

    [BenchmarkCategory("GET"), Benchmark(Description = "with ProServ resilience handler")]
    public async Task<int> ResilientGet()
    {
        using var response = await _resilient.GetAsync(Path);
        return (int)response.StatusCode;
    }

    [BenchmarkCategory("keyed POST"), Benchmark(Baseline = true, Description = "bare HttpClient")]
    public async Task<int> BarePost()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent("{\"hours\":7.5}") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "\"bench-key-1\"");
        using var response = await _bare.SendAsync(request);
        return (int)response.StatusCode;
    }

    [BenchmarkCategory("keyed POST"), Benchmark(Description = "with ProServ resilience handler")]
    public async Task<int> ResilientPost()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent("{\"hours\":7.5}") };
        request.SetIdempotencyKey(Key);
        using var response = await _resilient.SendAsync(request);
        return (int)response.StatusCode;
    }
}
