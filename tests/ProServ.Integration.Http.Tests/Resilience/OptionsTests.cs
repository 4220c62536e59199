using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Http.Tests.Resilience;

public sealed class OptionsTests
{
    [Fact]
    public void CreateClient_InvalidOptions_ThrowsOneErrorListingEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("erp").AddProServResilienceHandler(o =>
        {
            o.TotalRequestTimeout = TimeSpan.FromSeconds(5);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.MaxRetryAttempts = -1;
            o.CircuitBreakerFailureRatio = 1.5;
            o.CircuitBreakerMinimumThroughput = 1;
            o.RateLimitPermits = 0;
            o.IdempotencyHeaderName = "Idempotency Key";
            o.Classifier = null!;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("erp"));

        var failures = string.Join("\n", error.Failures);
        Assert.Contains("'erp'", failures, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout (00:00:10) must not exceed TotalRequestTimeout (00:00:05)", failures, StringComparison.Ordinal);
        Assert.Contains("MaxRetryAttempts must be between 0 and 100; got -1", failures, StringComparison.Ordinal);
        Assert.Contains("CircuitBreakerFailureRatio", failures, StringComparison.Ordinal);
        Assert.Contains("CircuitBreakerMinimumThroughput must be at least 2; got 1", failures, StringComparison.Ordinal);
        Assert.Contains("RateLimitPermits must be at least 1", failures, StringComparison.Ordinal);
        Assert.Contains("IdempotencyHeaderName must be an HTTP header name", failures, StringComparison.Ordinal);
        Assert.Contains("Classifier must not be null", failures, StringComparison.Ordinal);
        Assert.Equal(7, error.Failures.Count());
    }

    [Fact]
    public void Validate_Defaults_AreValidAndMatchStandardPipeline()
    {
        var options = new HttpResilienceOptions();

        Assert.Empty(Http.Resilience.Internal.HttpResilienceOptionsValidator.Collect(options));
        Assert.Equal(TimeSpan.FromSeconds(30), options.TotalRequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(3, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryBaseDelay);
        Assert.True(options.UseJitter);
        Assert.Equal(0.1, options.CircuitBreakerFailureRatio);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CircuitBreakerSamplingDuration);
        Assert.Equal(100, options.CircuitBreakerMinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CircuitBreakerBreakDuration);
        Assert.Equal(1000, options.ConcurrencyLimit);
        Assert.Null(options.RateLimitPermits);
        Assert.Equal("Idempotency-Key", options.IdempotencyHeaderName);
    }

    [Fact]
    public void Validate_SamplingShorterThanTwoAttempts_IsRejected()
    {
        var options = new HttpResilienceOptions { CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(15) };

        var failure = Assert.Single(Http.Resilience.Internal.HttpResilienceOptionsValidator.Collect(options));

        Assert.Contains("at least twice AttemptTimeout", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddProServResilienceHandler_ConfigurationSection_BindsOptionsPerTarget()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable),
            ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable),
            ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Http:Crm:MaxRetryAttempts"] = "1",
                ["Http:Crm:RetryBaseDelay"] = "00:00:00",
                ["Http:Psa:MaxRetryAttempts"] = "2",
                ["Http:Psa:RetryBaseDelay"] = "00:00:00",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddHttpClient("crm", c => c.BaseAddress = server.BaseAddress).AddProServResilienceHandler(configuration.GetSection("Http:Crm"));
        services.AddHttpClient("psa", c => c.BaseAddress = server.BaseAddress).AddProServResilienceHandler(configuration.GetSection("Http:Psa"));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        var error = await Assert.ThrowsAsync<HttpCallException>(() => factory.CreateClient("crm").GetAsync(new Uri("projects", UriKind.Relative)));

        Assert.Equal(2, error.Attempts);
        Assert.Equal("crm", error.TargetName);
        Assert.Equal(2, server.ReceivedCount);
        Assert.Equal(2, provider.GetRequiredService<IOptionsMonitor<HttpResilienceOptions>>().Get("psa").MaxRetryAttempts);
    }
}
