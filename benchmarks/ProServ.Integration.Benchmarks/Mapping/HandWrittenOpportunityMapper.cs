using System.Globalization;
using System.Text.Json;
using ProServ.Integration.Finance;
using ProServ.Integration.Mapping.Internal;
using ProServ.Integration.Model;

namespace ProServ.Integration.Benchmarks.Mapping;

/// <summary>The baseline: what a careful engineer writes by hand for the salesforce-opportunity mapping — one Utf8JsonReader pass,
/// a switch per property, the same derived ids, value maps, money rounding and date parsing, and the record built directly.</summary>
internal static class HandWrittenOpportunityMapper
{
    public static Opportunity Map(ReadOnlySpan<byte> utf8Json, string tenantId)
    {
        var reader = new Utf8JsonReader(utf8Json);
        string? id = null, accountId = null, name = null, stage = null, currency = null, closeDate = null, billing = null;
        string? serviceLine = null, legalEntity = null, start = null, owner = null;
        decimal? amount = null;
        decimal probability = 0;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Id"u8))
            {
                id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("AccountId"u8))
            {
                accountId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Name"u8))
            {
                name = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("StageName"u8))
            {
                stage = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Amount"u8))
            {
                reader.Read();
                amount = reader.TokenType == JsonTokenType.Number ? reader.GetDecimal() : null;
            }
            else if (reader.ValueTextEquals("CurrencyIsoCode"u8))
            {
                currency = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("CloseDate"u8))
            {
                closeDate = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Probability"u8))
            {
                reader.Read();
                probability = reader.TokenType == JsonTokenType.Number ? reader.GetDecimal() : 0;
            }
            else if (reader.ValueTextEquals("Billing_Method__c"u8))
            {
                billing = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Service_Line__c"u8))
            {
                serviceLine = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Legal_Entity__c"u8))
            {
                legalEntity = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Expected_Start_Date__c"u8))
            {
                start = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("OwnerId"u8))
            {
                owner = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (probability != decimal.Truncate(probability))
        {
            throw new FormatException("Probability is not a whole number.");
        }

        return new Opportunity
        {
            Id = OpportunityId.FromGuid(DerivedId.Create(tenantId, "opportunity", "salesforce", id!)),
            TenantId = tenantId,
            ClientId = ClientId.FromGuid(DerivedId.Create(tenantId, "client", "salesforce", accountId!)),
            Name = name!,
            Stage = Stage(stage!),
            Amount = Money.Of(amount!.Value, currency is null ? CurrencyCode.Usd : CurrencyCode.Parse(currency)).Round(),
            CloseDate = DateOnly.ParseExact(closeDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Probability = (int)probability,
            BillingMethod = billing is null ? null : Billing(billing),
            ServiceLine = serviceLine,
            LegalEntity = legalEntity,
            // Project_Manager__c: the reference mapping's lookup is onMissing "omit", and the benchmark has no cross-reference store.
            ExpectedStartDate = start is null ? null : DateOnly.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Owner = owner!,
            ExternalReferences = [new ExternalReference("salesforce", id!)],
        };
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    private static OpportunityStage Stage(string stage) => stage switch
    {
        "Prospecting" => OpportunityStage.Prospecting,
        "Qualification" or "Needs Analysis" => OpportunityStage.Qualification,
        "Value Proposition" or "Id. Decision Makers" or "Perception Analysis" or "Proposal/Price Quote" => OpportunityStage.Proposal,
        "Negotiation/Review" => OpportunityStage.Negotiation,
        "Closed Won" => OpportunityStage.ClosedWon,
        "Closed Lost" => OpportunityStage.ClosedLost,
        _ => throw new FormatException($"Unknown stage '{stage}'."),
    };

    private static BillingMethod Billing(string method) => method switch
    {
        "Time & Materials" => BillingMethod.TimeAndMaterials,
        "Fixed Fee" => BillingMethod.FixedFee,
        "Milestone" => BillingMethod.Milestone,
        "Retainer" => BillingMethod.Retainer,
        "Subscription" => BillingMethod.Subscription,
        _ => throw new FormatException($"Unknown billing method '{method}'."),
    };
}
