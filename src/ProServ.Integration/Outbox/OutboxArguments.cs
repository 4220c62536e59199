namespace ProServ.Integration.Outbox;

/// <summary>Holds the argument checks every outbox store shares.</summary>
internal static class OutboxArguments
{
    public static void ValidateMessage(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Identifier(message.Id, nameof(message) + "." + nameof(OutboxMessage.Id));
        Identifier(message.Tenant, nameof(message) + "." + nameof(OutboxMessage.Tenant));
        Identifier(message.Stream, nameof(message) + "." + nameof(OutboxMessage.Stream));
        Identifier(message.Type, nameof(message) + "." + nameof(OutboxMessage.Type));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ContentType, nameof(message) + "." + nameof(OutboxMessage.ContentType));
    }

    public static void ValidateClaim(int maxBatch, TimeSpan leaseDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        if (leaseDuration < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(leaseDuration), leaseDuration, "The lease must be at least 1 millisecond long.");
        }
    }

    public static void ValidateEntry(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.LeaseToken == Guid.Empty)
        {
            throw new ArgumentException("The entry does not come from a claim (it has no lease token).", nameof(entry));
        }
    }

    public static void ValidateError(string errorCode, string errorMessage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ArgumentNullException.ThrowIfNull(errorMessage);
    }

    public static void ValidateKey(string tenant, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
    }

    private static void Identifier(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > OutboxConstants.MaxIdentifierLength)
        {
            throw new ArgumentException($"{name} is {value.Length} characters long; at most {OutboxConstants.MaxIdentifierLength} are allowed.", name);
        }
    }
}
