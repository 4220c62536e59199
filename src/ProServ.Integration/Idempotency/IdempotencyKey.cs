using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using ProServ.Integration.Internal;

namespace ProServ.Integration.Idempotency;

/// <summary>Identifies one logical operation so that it takes effect at most once per tenant.</summary>
/// <remarks>
/// <para>A key is 1 to 255 printable ASCII characters (U+0021 to U+007E; no spaces or control characters), compared
/// ordinally. It is either supplied by a caller (<see cref="Create"/>, for example an <c>Idempotency-Key</c> header) or
/// derived from the business identity of the operation (<see cref="Derive"/>).</para>
/// <para><c>default(IdempotencyKey)</c> has a <see langword="null"/> value and is not a valid key. Immutable and thread-safe.</para>
/// </remarks>
public readonly record struct IdempotencyKey
{
    private static readonly byte[] DerivationDomain = Encoding.ASCII.GetBytes("proserv.idempotency-key." + IdempotencyConstants.DerivationTag);

    private IdempotencyKey(string value) => Value = value;

    /// <summary>Gets the key text.</summary>
    public string Value { get; }

    /// <summary>Creates a key from caller-supplied text.</summary>
    /// <param name="value">The key text: 1 to 255 printable ASCII characters.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, longer than 255 characters or contains a character outside U+0021 to U+007E.</exception>
    public static IdempotencyKey Create(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"An idempotency key is 1 to {IdempotencyConstants.MaxKeyLength} printable ASCII characters (U+0021 to U+007E); got {value.Length} characters.",
                nameof(value));
        }

        return new IdempotencyKey(value);
    }

    /// <summary>Tries to create a key from caller-supplied text.</summary>
    /// <param name="value">The key text.</param>
    /// <param name="key">The key, when the text is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is 1 to 255 printable ASCII characters.</returns>
    public static bool TryCreate([NotNullWhen(true)] string? value, out IdempotencyKey key)
    {
        if (value is null || !IsValid(value))
        {
            key = default;
            return false;
        }

        key = new IdempotencyKey(value);
        return true;
    }

    /// <summary>Derives a key stably from the business identity of an operation.</summary>
    /// <remarks>
    /// <para>Derivation <c>pik1</c>: SHA-256 over the ASCII domain <c>proserv.idempotency-key.pik1</c>, then each of
    /// <paramref name="tenantId"/>, <paramref name="operation"/> and <paramref name="canonicalId"/> as a 4-byte big-endian
    /// length followed by its UTF-8 bytes, then <paramref name="version"/> as an 8-byte big-endian two's-complement integer.
    /// The key is <c>pik1.</c> followed by the unpadded base64url digest (48 characters in all).</para>
    /// <para>The length prefixes make the encoding injective: <c>("a|b", "c")</c> and <c>("a", "b|c")</c> give different keys.
    /// The same inputs give the same key on every machine and in every release; a changed derivation gets a new tag.</para>
    /// </remarks>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="operation">The operation, for example <c>billing.post-time-entry</c>.</param>
    /// <param name="canonicalId">The canonical id of the record the operation acts on.</param>
    /// <param name="version">The version of the record (a new approved version is a new operation).</param>
    /// <returns>The derived key.</returns>
    /// <exception cref="ArgumentNullException">A string argument is <see langword="null"/>.</exception>
    public static IdempotencyKey Derive(string tenantId, string operation, string canonicalId, long version)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(canonicalId);

        var length = DerivationDomain.Length + 12 + 8
            + Encoding.UTF8.GetByteCount(tenantId) + Encoding.UTF8.GetByteCount(operation) + Encoding.UTF8.GetByteCount(canonicalId);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = rented.AsSpan(0, length);
            DerivationDomain.CopyTo(span);
            var at = DerivationDomain.Length;
            at = WriteField(span, at, tenantId);
            at = WriteField(span, at, operation);
            at = WriteField(span, at, canonicalId);
            BinaryPrimitives.WriteInt64BigEndian(span[at..], version);

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(span, digest);
            Span<char> text = stackalloc char[IdempotencyConstants.DerivedKeyPrefix.Length + Base64Url.GetEncodedLength(SHA256.HashSizeInBytes)];
            IdempotencyConstants.DerivedKeyPrefix.CopyTo(text);
            Base64Url.EncodeToChars(digest, text[IdempotencyConstants.DerivedKeyPrefix.Length..]);
            return new IdempotencyKey(new string(text));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Returns the key text.</summary>
    /// <returns>The key text.</returns>
    public override string ToString() => Value ?? string.Empty;

    private static bool IsValid(string value)
    {
        if (value.Length is 0 or > IdempotencyConstants.MaxKeyLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static int WriteField(Span<byte> buffer, int at, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, buffer[(at + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(buffer[at..], written);
        return at + 4 + written;
    }
}
