namespace ProServ.Integration.Http.Resilience;

/// <summary>Says how the idempotency key is written into its header.</summary>
public enum IdempotencyHeaderFormat
{
    /// <summary>A Structured Field string, quoted (<c>Idempotency-Key: "abc"</c>), as the IETF Idempotency-Key draft specifies.</summary>
    StructuredString = 0,

    /// <summary>The bare key (<c>Idempotency-Key: abc</c>), as many vendor APIs expect.</summary>
    Raw = 1,
}
