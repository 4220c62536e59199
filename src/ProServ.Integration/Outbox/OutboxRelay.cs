using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Errors;
using ProServ.Integration.Internal;

namespace ProServ.Integration.Outbox;

/// <summary>Publishes the messages of an <see cref="IOutboxStore"/> through an <see cref="IOutboxPublisher"/>, at least once, in stream order.</summary>
/// <remarks>
/// <para>Each round claims a batch (<see cref="OutboxRelayOptions.BatchSize"/>, leased for <see cref="OutboxRelayOptions.LeaseDuration"/>)
/// and publishes its messages one at a time in enqueue order; the published ones are marked published together at the end
/// of the batch (one commit), so a relay that dies mid-batch re-publishes them after the lease ends. A failed message is
/// scheduled for a retry after <see cref="OutboxRelayOptions.RetryDelay"/>, and the rest of its stream in the batch is given
/// back untried, so a stream never overtakes its failed head. A message that fails permanently (an
/// <see cref="IntegrationException"/> that is not transient) or for the <see cref="OutboxRelayOptions.MaxAttempts"/>-th time
/// is added to the <see cref="IDeadLetterStore"/> (idempotency key: the message id) and marked dead-lettered, which
/// unblocks its stream.</para>
/// <para>Any number of relays, in one process or many, may share a store: claims are exclusive while their lease lasts.
/// Thread-safe; one instance may run <see cref="RunAsync"/> once at a time, or be driven with <see cref="RunOnceAsync"/>.</para>
/// </remarks>
public sealed partial class OutboxRelay
{
    private readonly IOutboxStore _store;
    private readonly IOutboxPublisher _publisher;
    private readonly IDeadLetterStore _deadLetters;
    private readonly OutboxRelayOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="OutboxRelay"/> class.</summary>
    /// <param name="store">The outbox.</param>
    /// <param name="publisher">The publisher.</param>
    /// <param name="deadLetters">Where messages go after their last attempt.</param>
    /// <param name="options">The options; validated here.</param>
    /// <param name="timeProvider">The clock for retry times and polling.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="logger"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options break a rule.</exception>
    public OutboxRelay(
        IOutboxStore store,
        IOutboxPublisher publisher,
        IDeadLetterStore deadLetters,
        IOptions<OutboxRelayOptions> options,
        TimeProvider timeProvider,
        ILogger<OutboxRelay>? logger = null)
    {
        _store = Guard.NotNull(store);
        _publisher = Guard.NotNull(publisher);
        _deadLetters = Guard.NotNull(deadLetters);
        _options = Guard.NotNull(Guard.NotNull(options).Value);
        _timeProvider = Guard.NotNull(timeProvider);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var failures = OptionsValidation.Validate(_options, new OutboxRelayOptionsValidator());
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(OutboxRelayOptions), failures);
        }
    }

    /// <summary>Claims one batch and publishes it.</summary>
    /// <param name="cancellationToken">The cancellation token, forwarded to the publisher. On cancellation the unfinished
    /// messages of the batch are given back untried.</param>
    /// <returns>What happened to the batch; <see cref="OutboxRelayResult.Claimed"/> is 0 when nothing was due.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<OutboxRelayResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var batch = await _store.ClaimAsync(_options.BatchSize, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        int retried = 0, deadLettered = 0, released = 0, leaseLost = 0;
        HashSet<(string Tenant, string Stream)>? blocked = null;
        var done = new List<OutboxEntry>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var entry = batch[i];
            if (blocked is not null && blocked.Contains((entry.Tenant, entry.Stream)))
            {
                Count(await _store.ReleaseAsync(entry, CancellationToken.None).ConfigureAwait(false), ref released, ref leaseLost);
                continue;
            }

            try
            {
                await _publisher.PublishAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await _store.MarkPublishedManyAsync(done, CancellationToken.None).ConfigureAwait(false);
                for (var rest = i; rest < batch.Count; rest++)
                {
                    await _store.ReleaseAsync(batch[rest], CancellationToken.None).ConfigureAwait(false);
                }

                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                blocked ??= [];
                blocked.Add((entry.Tenant, entry.Stream));
                var code = ex is IntegrationException integration ? integration.ErrorCode : OutboxErrorCodes.PublishFailed;
                var permanent = ex is IntegrationException { IsTransient: false };
                if (permanent || entry.Attempts >= _options.MaxAttempts)
                {
                    await DeadLetterAsync(entry, code, ex.Message).ConfigureAwait(false);
                    Count(await _store.MarkDeadLetteredAsync(entry, code, ex.Message, CancellationToken.None).ConfigureAwait(false), ref deadLettered, ref leaseLost);
                    LogDeadLettered(_logger, entry.Tenant, entry.Id, entry.Attempts, code);
                }
                else
                {
                    var retryAt = _timeProvider.GetUtcNow() + _options.RetryDelay(entry.Attempts);
                    Count(await _store.RescheduleAsync(entry, retryAt, code, ex.Message, CancellationToken.None).ConfigureAwait(false), ref retried, ref leaseLost);
                    LogRetry(_logger, entry.Tenant, entry.Id, entry.Attempts, code, retryAt);
                }

                continue;
            }

            done.Add(entry);
        }

        // One commit for the whole batch, not cancellable: the messages are out, and forgetting that only causes duplicates.
        var published = await _store.MarkPublishedManyAsync(done, CancellationToken.None).ConfigureAwait(false);
        return new OutboxRelayResult(batch.Count, published, retried, deadLettered, released, leaseLost + done.Count - published);
    }

    /// <summary>Runs rounds until <paramref name="cancellationToken"/> is cancelled, waiting <see cref="OutboxRelayOptions.PollInterval"/>
    /// (on the injected clock) after a round that found nothing or failed to reach the store.</summary>
    /// <param name="cancellationToken">Stops the relay.</param>
    /// <returns>A task that completes when the relay has stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var result = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
                if (result.Claimed > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRoundFailed(_logger, ex);
            }

            try
            {
                await Task.Delay(_options.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static void Count(bool held, ref int done, ref int leaseLost)
    {
        if (held)
        {
            done++;
        }
        else
        {
            leaseLost++;
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Outbox message {MessageId} of tenant {Tenant} failed attempt {Attempts} with {ErrorCode}; retrying at {RetryAt}.")]
    private static partial void LogRetry(ILogger logger, string tenant, string messageId, int attempts, string errorCode, DateTimeOffset retryAt);

    [LoggerMessage(2, LogLevel.Error, "Outbox message {MessageId} of tenant {Tenant} was dead-lettered after {Attempts} attempt(s) with {ErrorCode}.")]
    private static partial void LogDeadLettered(ILogger logger, string tenant, string messageId, int attempts, string errorCode);

    [LoggerMessage(3, LogLevel.Error, "An outbox relay round failed; retrying after the poll interval.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    private async ValueTask DeadLetterAsync(OutboxEntry entry, string code, string message)
    {
        await _deadLetters.AddAsync(
            new DeadLetterFailure
            {
                Tenant = entry.Tenant,
                Source = _options.DeadLetterSource,
                IdempotencyKey = entry.Id,
                CorrelationId = entry.CorrelationId,
                ErrorCode = code,
                ErrorMessage = message,
                Payload = entry.Payload,
                ContentType = entry.ContentType,
            },
            CancellationToken.None).ConfigureAwait(false);
    }
}
