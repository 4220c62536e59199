using System.Text.Json;
using ProServ.Integration.Finance;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>A value produced by a compiled rule for one record, typed so the writer needs no further parsing.</summary>
internal readonly struct MappedValue
{
    private MappedValue(TargetKind kind, string? text = null, decimal number = 0, CurrencyCode currency = default, DateTimeOffset instant = default, Guid id = default, JsonElement raw = default, object? nested = null)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Currency = currency;
        Instant = instant;
        Id = id;
        Raw = raw;
        Nested = nested;
        HasValue = true;
    }

    public static MappedValue None => default;

    /// <summary>No value because reading it failed and an error was already reported; suppresses a second "missing" error.</summary>
    public static MappedValue Failed { get; } = new(failed: true);

    public bool HasValue { get; }

    public bool IsFailed { get; }

    public TargetKind Kind { get; }

    public string? Text { get; }

    public decimal Number { get; }

    public CurrencyCode Currency { get; }

    public DateTimeOffset Instant { get; }

    public Guid Id { get; }

    public JsonElement Raw { get; }

    /// <summary>For arrays: <c>MappedValue[]</c> (scalar items) or <c>MappedValue[][]</c> (object items of an each rule).</summary>
    public object? Nested { get; }

    public DateOnly Date => DateOnly.FromDateTime(Instant.DateTime);

    private MappedValue(bool failed)
    {
        IsFailed = failed;
    }

    public static MappedValue FromRaw(JsonElement raw) => new(TargetKind.Any, raw: raw);

    public static MappedValue FromString(string text, TargetKind kind = TargetKind.String) => new(kind, text: text);

    public static MappedValue FromNumber(decimal number, TargetKind kind) => new(kind, number: number);

    public static MappedValue FromBoolean(bool value) => new(TargetKind.Boolean, number: value ? 1 : 0);

    public static MappedValue FromDate(DateOnly date) => new(TargetKind.Date, instant: new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public static MappedValue FromInstant(DateTimeOffset instant) => new(TargetKind.DateTime, instant: instant);

    public static MappedValue FromMoney(Money money) => new(TargetKind.Money, number: money.Amount, currency: money.Currency);

    public static MappedValue FromCurrency(CurrencyCode currency) => new(TargetKind.Currency, currency: currency);

    public static MappedValue FromId(Guid id) => new(TargetKind.Uuid, id: id);

    public static MappedValue FromArray(MappedValue[] items) => new(TargetKind.Array, nested: items);

    public static MappedValue FromObjects(MappedValue[][] items) => new(TargetKind.Array, nested: items);

    /// <summary>The value as text for value maps and templates: strings as is, numbers and booleans as their JSON text.</summary>
    public string? AsText() => Kind switch
    {
        TargetKind.Any => Raw.ValueKind switch
        {
            JsonValueKind.String => Raw.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Raw.GetRawText(),
            _ => null,
        },
        TargetKind.String or TargetKind.Enum => Text,
        _ => null,
    };
}
