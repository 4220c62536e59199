using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using ProServ.Integration.Errors;
using ProServ.Integration.Internal;

namespace ProServ.Integration.Idempotency;

/// <summary>Runs an operation at most once per tenant and idempotency key, replaying its stored outcome to later callers.</summary>
/// <remarks>
/// <para>The protocol: <see cref="IIdempotencyStore.TryBeginAsync"/>; when acquired, run the operation and store its
/// outcome with <see cref="IIdempotencyStore.CompleteAsync"/>; when it throws, record the failure with
/// <see cref="IIdempotencyStore.FailAsync"/> — permanent for an <see cref="IntegrationException"/> whose
/// <see cref="IntegrationException.IsTransient"/> is <see langword="false"/>, otherwise (transient faults, cancellation and
/// exceptions the SDK does not know) the lease is released so a retry runs the operation again.</para>
/// <para>The operation must finish within <see cref="IdempotencyOptions.LeaseDuration"/>, or renew the lease itself:
/// after the lease expires another caller may take the key over, and completing then throws
/// <see cref="IdempotencyLeaseLostException"/>. Thread-safe.</para>
/// </remarks>
public sealed class IdempotentExecutor
{
    private const string JsonContentType = "application/json";

    private readonly IIdempotencyStore _store;
    private readonly IdempotencyOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="IdempotentExecutor"/> class.</summary>
    /// <param name="store">The key store.</param>
    /// <param name="options">The options; validated here.</param>
    /// <param name="timeProvider">The clock used to wait for in-progress keys.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options break a rule of <see cref="IdempotencyOptionsValidator"/>.</exception>
    public IdempotentExecutor(IIdempotencyStore store, IOptions<IdempotencyOptions> options, TimeProvider timeProvider)
    {
        _store = Guard.NotNull(store);
        _options = Guard.NotNull(Guard.NotNull(options).Value);
        _timeProvider = Guard.NotNull(timeProvider);
        var validation = new IdempotencyOptionsValidator().Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(IdempotencyOptions), validation.Failures);
        }
    }

    /// <summary>Runs <paramref name="operation"/> once for the key, or returns the outcome stored by an earlier run.</summary>
    /// <typeparam name="T">The outcome type, stored as JSON.</typeparam>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="operationName">The operation name; selects the retention (<see cref="IdempotencyOptions.RetentionFor"/>).</param>
    /// <param name="key">The key; derive it with <see cref="IdempotencyKey.Derive"/> from the record's canonical id and version.</param>
    /// <param name="fingerprint">The fingerprint of the request.</param>
    /// <param name="operation">The operation; it receives <paramref name="cancellationToken"/>.</param>
    /// <param name="outcomeType">The JSON contract of <typeparamref name="T"/>, used to store and replay the outcome.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The outcome and whether it was replayed.</returns>
    /// <exception cref="ArgumentException">An argument is invalid.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used before with a different fingerprint.</exception>
    /// <exception cref="IdempotencyFailedException">The operation failed permanently under this key before.</exception>
    /// <exception cref="IdempotencyInProgressException">Another caller holds the key and the configured wait ran out.</exception>
    /// <exception cref="IdempotencyLeaseLostException">The operation ran but its lease had been taken over, so its outcome was not stored.</exception>
    public async ValueTask<IdempotentResult<T>> ExecuteOnceAsync<T>(
        string tenantId,
        string operationName,
        IdempotencyKey key,
        RequestFingerprint fingerprint,
        Func<CancellationToken, ValueTask<T>> operation,
        JsonTypeInfo<T> outcomeType,
        CancellationToken cancellationToken)
    {
        Guard.TenantId(tenantId);
        Guard.NotNull(operationName);
        Guard.NotNull(operation);
        Guard.NotNull(outcomeType);
        var retention = _options.RetentionFor(operationName);
        var waitUntil = _timeProvider.GetUtcNow() + _options.InProgressWait;

        while (true)
        {
            var begin = await _store.TryBeginAsync(tenantId, key, fingerprint, _options.LeaseDuration, retention, cancellationToken).ConfigureAwait(false);
            switch (begin.Status)
            {
                case IdempotencyBeginStatus.Acquired:
                    var value = await RunAsync(begin.Lease, operation, outcomeType, cancellationToken).ConfigureAwait(false);
                    return new IdempotentResult<T>(value, IsReplay: false);
                case IdempotencyBeginStatus.Completed:
                    var replayed = JsonSerializer.Deserialize(begin.Outcome!.Content.Span, outcomeType)!;
                    return new IdempotentResult<T>(replayed, IsReplay: true);
                case IdempotencyBeginStatus.Conflict:
                    throw new IdempotencyConflictException(tenantId, key);
                case IdempotencyBeginStatus.Failed:
                    throw new IdempotencyFailedException(tenantId, key, begin.Failure!);
                default:
                    var now = _timeProvider.GetUtcNow();
                    if (now >= waitUntil)
                    {
                        throw new IdempotencyInProgressException(tenantId, key, begin.LeaseExpiresAt);
                    }

                    var delay = Min(_options.PollInterval, waitUntil - now);
                    await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async ValueTask<T> RunAsync<T>(IdempotencyLease lease, Func<CancellationToken, ValueTask<T>> operation, JsonTypeInfo<T> outcomeType, CancellationToken cancellationToken)
    {
        T value;
        try
        {
            value = await operation(cancellationToken).ConfigureAwait(false);
        }
        catch (IntegrationException ex) when (!ex.IsTransient)
        {
            await RecordFailureAsync(lease, permanent: true, ex).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await RecordFailureAsync(lease, permanent: false, ex).ConfigureAwait(false);
            throw;
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(value, outcomeType);
        await _store.CompleteAsync(lease, new IdempotencyOutcome(content, JsonContentType), CancellationToken.None).ConfigureAwait(false);
        return value;
    }

    private async ValueTask RecordFailureAsync(IdempotencyLease lease, bool permanent, Exception cause)
    {
        var code = cause is IntegrationException integration ? integration.ErrorCode : cause.GetType().FullName ?? "exception";
        try
        {
            // Not cancellable: a stored failure must not be lost to a cancelled caller, and a released lease lets the
            // next retry run at once instead of waiting for the lease to expire.
            await _store.FailAsync(lease, permanent, new IdempotencyFailure(code, cause.Message), CancellationToken.None).ConfigureAwait(false);
        }
        catch (IdempotencyLeaseLostException)
        {
            // Another caller took the key over; the operation's own exception is what this caller needs.
        }
    }
}
