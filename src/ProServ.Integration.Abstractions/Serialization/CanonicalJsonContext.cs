using System.Text.Json.Serialization;
using ProServ.Integration.Events;
using ProServ.Integration.Finance;
using ProServ.Integration.Model;

namespace ProServ.Integration.Serialization;

/// <summary>Holds the source-generated System.Text.Json metadata of the canonical model; use it through <see cref="CanonicalJson"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter)])]
[JsonSerializable(typeof(Client))]
[JsonSerializable(typeof(Opportunity))]
[JsonSerializable(typeof(Engagement))]
[JsonSerializable(typeof(ContractLine))]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(ResourceAssignment))]
[JsonSerializable(typeof(Milestone))]
[JsonSerializable(typeof(TimeEntry))]
[JsonSerializable(typeof(Expense))]
[JsonSerializable(typeof(BillingEvent))]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(Payment))]
[JsonSerializable(typeof(BusinessEvent))]
[JsonSerializable(typeof(ExternalReference))]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(CurrencyCode))]
internal sealed partial class CanonicalJsonContext : JsonSerializerContext;
