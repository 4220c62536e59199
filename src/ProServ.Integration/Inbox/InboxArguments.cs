namespace ProServ.Integration.Inbox;

/// <summary>Holds the argument checks every inbox store shares.</summary>
internal static class InboxArguments
{
    private const int MaxLength = 255;

    public static void ValidateKey(string consumer, string messageId)
    {
        Identifier(consumer, nameof(consumer));
        Identifier(messageId, nameof(messageId));
    }

    private static void Identifier(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"{name} is {value.Length} characters long; at most {MaxLength} are allowed.", name);
        }
    }
}
