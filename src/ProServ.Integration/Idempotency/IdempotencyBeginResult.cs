using ProServ.Integration.Internal;

namespace ProServ.Integration.Idempotency;

/// <summary>Represents the answer of <see cref="IIdempotencyStore.TryBeginAsync"/>: exactly one of five outcomes.</summary>
/// <remarks>
/// Read <see cref="Status"/>, then the member it names: <see cref="Lease"/> for <see cref="IdempotencyBeginStatus.Acquired"/>,
/// <see cref="LeaseExpiresAt"/> for <see cref="IdempotencyBeginStatus.InProgress"/>, <see cref="Outcome"/> for
/// <see cref="IdempotencyBeginStatus.Completed"/>, <see cref="Failure"/> for <see cref="IdempotencyBeginStatus.Failed"/>.
/// Store authors build results through the static factories. Immutable and thread-safe.
/// </remarks>
public sealed class IdempotencyBeginResult
{
    private IdempotencyBeginResult(IdempotencyBeginStatus status, IdempotencyLease lease, DateTimeOffset leaseExpiresAt, IdempotencyOutcome? outcome, IdempotencyFailure? failure)
    {
        Status = status;
        Lease = lease;
        LeaseExpiresAt = leaseExpiresAt;
        Outcome = outcome;
        Failure = failure;
    }

    /// <summary>Gets what the caller should do.</summary>
    public IdempotencyBeginStatus Status { get; }

    /// <summary>Gets the acquired lease; <c>default</c> unless <see cref="Status"/> is <see cref="IdempotencyBeginStatus.Acquired"/>.</summary>
    public IdempotencyLease Lease { get; }

    /// <summary>Gets when the current lease ends: the new lease for <c>Acquired</c>, the other caller's for <c>InProgress</c>; otherwise <c>default</c>.</summary>
    public DateTimeOffset LeaseExpiresAt { get; }

    /// <summary>Gets the stored outcome when <see cref="Status"/> is <see cref="IdempotencyBeginStatus.Completed"/>; otherwise <see langword="null"/>.</summary>
    public IdempotencyOutcome? Outcome { get; }

    /// <summary>Gets the stored failure when <see cref="Status"/> is <see cref="IdempotencyBeginStatus.Failed"/>; otherwise <see langword="null"/>.</summary>
    public IdempotencyFailure? Failure { get; }

    /// <summary>Creates an <see cref="IdempotencyBeginStatus.Acquired"/> result.</summary>
    /// <param name="lease">The new lease.</param>
    /// <returns>The result.</returns>
    public static IdempotencyBeginResult Acquired(IdempotencyLease lease) => new(IdempotencyBeginStatus.Acquired, lease, lease.ExpiresAt, null, null);

    /// <summary>Creates an <see cref="IdempotencyBeginStatus.InProgress"/> result.</summary>
    /// <param name="leaseExpiresAt">When the other caller's lease ends.</param>
    /// <returns>The result.</returns>
    public static IdempotencyBeginResult InProgress(DateTimeOffset leaseExpiresAt) => new(IdempotencyBeginStatus.InProgress, default, leaseExpiresAt, null, null);

    /// <summary>Creates a <see cref="IdempotencyBeginStatus.Completed"/> result.</summary>
    /// <param name="outcome">The stored outcome.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> is <see langword="null"/>.</exception>
    public static IdempotencyBeginResult Completed(IdempotencyOutcome outcome) => new(IdempotencyBeginStatus.Completed, default, default, Guard.NotNull(outcome), null);

    /// <summary>Creates a <see cref="IdempotencyBeginStatus.Conflict"/> result.</summary>
    /// <returns>The result.</returns>
    public static IdempotencyBeginResult Conflict() => new(IdempotencyBeginStatus.Conflict, default, default, null, null);

    /// <summary>Creates a <see cref="IdempotencyBeginStatus.Failed"/> result.</summary>
    /// <param name="failure">The stored failure.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="failure"/> is <see langword="null"/>.</exception>
    public static IdempotencyBeginResult Failed(IdempotencyFailure failure) => new(IdempotencyBeginStatus.Failed, default, default, null, Guard.NotNull(failure));
}
