using System.Globalization;
using System.Text.Json;
using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Rules;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Tests.Rules;

/// <summary>Every pointer a built-in rule reports names a value in the record's canonical JSON (or, for a missing
/// value, a property of an existing object).</summary>
public sealed class RuleViolationPathTests
{
    [Fact]
    public async Task EvaluateAsync_BrokenInvoice_EveryPathResolvesInCanonicalJson()
    {
        var invoice = InvoiceRuleSetTests.ThreeLineInvoice();
        var lines = invoice.Lines.ToList();
        var cent = Money.FromMinorUnits(1, invoice.Currency);
        lines[0] = lines[0] with { Amount = lines[0].Amount + cent };
        lines[1] = lines[1] with { TaxAmount = Money.Of(lines[1].TaxAmount.Amount, CurrencyCode.Parse("EUR")) };
        var broken = invoice with { Lines = lines, AmountPaid = Money.Of(0.001m, invoice.Currency) };

        var result = await BuiltInRuleSets.Invoice().EvaluateAsync(broken);

        Assert.Equal(3, result.Violations.Count);
        AssertResolves(CanonicalJson.SerializeToElement(broken), result.Violations);
    }

    [Fact]
    public async Task EvaluateAsync_BrokenTimeEntry_EveryPathResolvesInCanonicalJson()
    {
        var scenario = new RuleScenario();
        var entry = scenario.Entry with { Hours = 20m, WorkDate = scenario.Engagement.StartDate.AddDays(-1), ContractLineId = null };

        var result = await BuiltInRuleSets.TimeEntry().EvaluateAsync(entry, scenario.Data());

        Assert.Equal(4, result.Violations.Count);
        AssertResolves(CanonicalJson.SerializeToElement(entry), result.Violations);
    }

    private static void AssertResolves(JsonElement root, IReadOnlyList<RuleViolation> violations)
    {
        foreach (var violation in violations)
        {
            Assert.StartsWith("/", violation.Path, StringComparison.Ordinal);
            var segments = violation.Path[1..].Split('/');
            var current = root;
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i];
                var last = i == segments.Length - 1;
                if (current.ValueKind == JsonValueKind.Array)
                {
                    current = current[int.Parse(segment, CultureInfo.InvariantCulture)];
                }
                else if (current.TryGetProperty(segment, out var next))
                {
                    current = next;
                }
                else
                {
                    // A missing value may only be the last segment, inside an object of the record.
                    Assert.True(last && current.ValueKind == JsonValueKind.Object, $"{violation.Code}: '{violation.Path}' does not resolve.");
                }
            }
        }
    }
}
