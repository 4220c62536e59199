using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Ownership;
using ProServ.Integration.Serialization;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Benchmarks.Ownership;

/// <summary>
/// Merges an inbound record into the current one under the default ownership policy, three ways: a naive generic merge
/// over <see cref="JsonNode"/> (the baseline: what one writes first to make ownership work for every record type), a
/// hand-written merge for the one record type (the lower bound, no generality), and <see cref="OwnershipPolicy.Merge{T}"/>.
/// Categories: the CRM changes an opportunity's name and amount (applied), the ERP changes a client's name (conflict)
/// and payment terms (applied).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OwnershipMergeBenchmark
{
    private static readonly Dictionary<string, string> ClientFieldOwners = new(StringComparer.Ordinal)
    {
        ["taxProfile"] = OwnershipSystems.Erp,
        ["paymentTermsDays"] = OwnershipSystems.Erp,
    };

    private readonly OwnershipPolicy _policy = OwnershipPolicy.Default;
    private Opportunity _opportunity = null!;
    private Opportunity _opportunityFromCrm = null!;
    private Client _client = null!;
    private Client _clientFromErp = null!;

    [GlobalSetup]
    public void Setup()
    {
        var faker = new CanonicalFaker(77);
        var usd = CurrencyCode.Parse("USD");
        _client = faker.Client(usd);
        _clientFromErp = _client with { Name = _client.Name + " (ERP)", PaymentTermsDays = _client.PaymentTermsDays + 15 };
        _opportunity = faker.Opportunity(_client, OpportunityStage.Proposal);
        _opportunityFromCrm = _opportunity with { Name = _opportunity.Name + " phase 2", Amount = Money.Of(123_456.78m, usd) };

        // Guard the comparison: all three must reach the same outcome.
        var ours = _policy.Merge(_client, _clientFromErp, "netsuite");
        var naive = NaiveClient();
        var hand = HandClient();
        if (ours.Conflicts.Count != 1 || naive.Conflicts != 1 || hand.Conflicts != 1
            || ours.Value.PaymentTermsDays != naive.Value.PaymentTermsDays || hand.Value.Name != ours.Value.Name)
        {
            throw new InvalidOperationException("The client merges disagree.");
        }

        if (_policy.Merge(_opportunity, _opportunityFromCrm, "salesforce").AppliedFields.Count != 2 || NaiveOpportunity().Applied != 2 || HandOpportunity().Applied != 2)
        {
            throw new InvalidOperationException("The opportunity merges disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "naive JsonNode merge")]
    [BenchmarkCategory("CRM edits opportunity (2 applied)")]
    public int NaiveOpportunityMerge() => NaiveOpportunity().Applied;

    [Benchmark(Description = "hand-written typed merge")]
    [BenchmarkCategory("CRM edits opportunity (2 applied)")]
    public int HandOpportunityMerge() => HandOpportunity().Applied;

    [Benchmark(Description = "OwnershipPolicy.Merge")]
    [BenchmarkCategory("CRM edits opportunity (2 applied)")]
    public int PolicyOpportunityMerge() => _policy.Merge(_opportunity, _opportunityFromCrm, "salesforce").AppliedFields.Count;

    [Benchmark(Baseline = true, Description = "naive JsonNode merge")]
    [BenchmarkCategory("ERP edits client (1 conflict, 1 applied)")]
    public int NaiveClientMerge() => NaiveClient().Conflicts;

    [Benchmark(Description = "hand-written typed merge")]
    [BenchmarkCategory("ERP edits client (1 conflict, 1 applied)")]
    public int HandClientMerge() => HandClient().Conflicts;

    [Benchmark(Description = "OwnershipPolicy.Merge")]
    [BenchmarkCategory("ERP edits client (1 conflict, 1 applied)")]
    public int PolicyClientMerge() => _policy.Merge(_client, _clientFromErp, "netsuite").Conflicts.Count;

    private (Opportunity Value, int Applied, int Conflicts) NaiveOpportunity() =>
        NaiveMerge(_opportunity, _opportunityFromCrm, OwnershipSystems.Crm, _ => OwnershipSystems.Crm);

    private (Client Value, int Applied, int Conflicts) NaiveClient() =>
        NaiveMerge(_client, _clientFromErp, OwnershipSystems.Erp, name => ClientFieldOwners.GetValueOrDefault(name, OwnershipSystems.Crm));

    private (Opportunity Value, int Applied, int Conflicts) HandOpportunity()
    {
        // The CRM owns every opportunity field: take each changed one.
        var current = _opportunity;
        var inbound = _opportunityFromCrm;
        var applied = 0;
        var result = current;
        if (!string.Equals(current.Name, inbound.Name, StringComparison.Ordinal))
        {
            result = result with { Name = inbound.Name };
            applied++;
        }

        if (current.Amount != inbound.Amount)
        {
            result = result with { Amount = inbound.Amount };
            applied++;
        }

        if (current.Stage != inbound.Stage)
        {
            result = result with { Stage = inbound.Stage };
            applied++;
        }

        if (current.CloseDate != inbound.CloseDate)
        {
            result = result with { CloseDate = inbound.CloseDate };
            applied++;
        }

        if (current.Probability != inbound.Probability)
        {
            result = result with { Probability = inbound.Probability };
            applied++;
        }

        if (!string.Equals(current.Owner, inbound.Owner, StringComparison.Ordinal))
        {
            result = result with { Owner = inbound.Owner };
            applied++;
        }

        return (result, applied, 0);
    }

    private (Client Value, int Applied, int Conflicts) HandClient()
    {
        // The ERP owns payment terms and tax profile only; a name change from it is a conflict.
        var current = _client;
        var inbound = _clientFromErp;
        var applied = 0;
        var conflicts = 0;
        var result = current;
        if (current.PaymentTermsDays != inbound.PaymentTermsDays)
        {
            result = result with { PaymentTermsDays = inbound.PaymentTermsDays };
            applied++;
        }

        if (current.TaxProfile != inbound.TaxProfile)
        {
            result = result with { TaxProfile = inbound.TaxProfile };
            applied++;
        }

        if (!string.Equals(current.Name, inbound.Name, StringComparison.Ordinal))
        {
            conflicts++;
        }

        if (!string.Equals(current.LegalName, inbound.LegalName, StringComparison.Ordinal))
        {
            conflicts++;
        }

        return (result, applied, conflicts);
    }

    private static (T Value, int Applied, int Conflicts) NaiveMerge<T>(T current, T inbound, string sourceRole, Func<string, string?> ownerOf)
    {
        var merged = JsonSerializer.SerializeToNode(current, CanonicalJson.Options)!.AsObject();
        var incoming = JsonSerializer.SerializeToNode(inbound, CanonicalJson.Options)!.AsObject();
        var applied = 0;
        var conflicts = 0;
        foreach (var (name, value) in incoming.ToList())
        {
            if (name is "id" or "tenantId" or "externalReferences")
            {
                continue;
            }

            merged.TryGetPropertyValue(name, out var existing);
            if (JsonNode.DeepEquals(existing, value))
            {
                continue;
            }

            var owner = ownerOf(name);
            if (owner is null || string.Equals(owner, sourceRole, StringComparison.Ordinal))
            {
                merged[name] = value?.DeepClone();
                applied++;
            }
            else
            {
                conflicts++;
            }
        }

        return (merged.Deserialize<T>(CanonicalJson.Options)!, applied, conflicts);
    }
}
