namespace ProServ.Integration.TestUtils;

/// <summary>A <see cref="TimeProvider"/> whose clock only moves when a test moves it (FakeTimeProvider does not restore here).</summary>
/// <remarks>Thread-safe. Timers are not supported: tests that need timers should drive the code under test directly.</remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset utcNow;

    /// <summary>Creates a clock at <paramref name="start"/> (default 2026-03-02T09:00:00Z).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        utcNow = (start ?? new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)).ToUniversalTime();
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return utcNow;
        }
    }

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (gate)
        {
            utcNow += delta;
        }
    }

    /// <summary>Sets the clock; it may not go backwards.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (gate)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, utcNow);
            utcNow = value.ToUniversalTime();
        }
    }
}
