namespace ProServ.Integration.PostgreSql;

/// <summary>Reads the store clock at the precision every store keeps: whole milliseconds, UTC.</summary>
internal static class PostgreSqlTime
{
    public static DateTimeOffset Now(TimeProvider timeProvider) => Truncate(timeProvider.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
