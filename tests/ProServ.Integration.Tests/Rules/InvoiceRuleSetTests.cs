using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Rules;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Tests.Rules;

public sealed class InvoiceRuleSetTests
{
    private static readonly RuleSet<Invoice> Rules = BuiltInRuleSets.Invoice();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task EvaluateAsync_GeneratedInvoicesInEveryCurrency_Valid(int seed)
    {
        var faker = new CanonicalFaker(seed);
        foreach (var code in new[] { "USD", "EUR", "JPY", "BHD", "CHF" })
        {
            for (var i = 0; i < 10; i++)
            {
                var client = faker.Client(CurrencyCode.Parse(code));
                var engagement = faker.Engagement(client);
                var invoice = faker.Invoice(client, engagement, status: i % 2 == 0 ? InvoiceStatus.Posted : InvoiceStatus.PartiallyPaid);

                var result = await Rules.EvaluateAsync(invoice, new InMemoryRuleReferenceData([engagement]));

                Assert.Empty(result.Violations);
            }
        }
    }

    [Fact]
    public async Task EvaluateAsync_FirmDatasetInvoices_Valid()
    {
        var firm = new CanonicalFaker(99).Firm();
        var data = new InMemoryRuleReferenceData(firm.AllRecords());

        foreach (var invoice in firm.Invoices)
        {
            Assert.Empty((await Rules.EvaluateAsync(invoice, data)).Violations);
        }
    }

    [Fact]
    public async Task EvaluateAsync_TotalOffByOneMinorUnit_ErrorAtTotal()
    {
        var invoice = ThreeLineInvoice();
        var cent = Money.FromMinorUnits(1, invoice.Currency);

        var result = await Rules.EvaluateAsync(invoice with { Total = invoice.Total + cent, AmountDue = invoice.AmountDue + cent });

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.InvoiceTotalMismatch, "/total"), (violation.Code, violation.Path));
        Assert.Contains("plus tax", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_SubtotalAndTaxTotalWrong_BothReported()
    {
        var invoice = ThreeLineInvoice();
        var cent = Money.FromMinorUnits(1, invoice.Currency);

        var result = await Rules.EvaluateAsync(invoice with { Subtotal = invoice.Subtotal - cent, TaxTotal = invoice.TaxTotal + cent });

        Assert.Equal(
            [(RuleCodes.InvoiceSubtotalMismatch, "/subtotal"), (RuleCodes.InvoiceTaxTotalMismatch, "/taxTotal")],
            result.Violations.Select(v => (v.Code, v.Path)));
    }

    [Fact]
    public async Task EvaluateAsync_ThirdLineAmountWrong_ErrorAtLines2Amount()
    {
        var invoice = ThreeLineInvoice();
        var lines = invoice.Lines.ToList();
        var cent = Money.FromMinorUnits(1, invoice.Currency);
        lines[2] = lines[2] with { Amount = lines[2].Amount + cent };

        var result = await Rules.EvaluateAsync(Totalled(invoice with { Lines = lines }));

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.InvoiceLineAmountMismatch, "/lines/2/amount"), (violation.Code, violation.Path));
        Assert.StartsWith("Line 3 shows", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_LineAmountRoundedHalfToEven_Accepted()
    {
        var usd = CurrencyCode.Parse("USD");
        var invoice = ThreeLineInvoice(usd);
        var lines = invoice.Lines.ToList();

        // 7.25 x 187.50 = 1359.375: half to even gives 1359.38 (8 is even), away from zero would give the same;
        // 2.5 x 0.25 = 0.625: half to even gives 0.62, away from zero 0.63.
        lines[0] = lines[0] with { Quantity = 7.25m, UnitPrice = Money.Of(187.50m, usd), Amount = Money.Of(1359.38m, usd) };
        lines[1] = lines[1] with { Quantity = 2.5m, UnitPrice = Money.Of(0.25m, usd), Amount = Money.Of(0.62m, usd) };
        var even = Totalled(invoice with { Lines = [.. lines] });
        lines[1] = lines[1] with { Amount = Money.Of(0.63m, usd) };
        var awayFromZero = Totalled(invoice with { Lines = [.. lines] });

        Assert.Empty((await Rules.EvaluateAsync(even)).Violations);
        Assert.Equal(["/lines/1/amount"], (await Rules.EvaluateAsync(awayFromZero)).Violations.Select(v => v.Path), StringComparer.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_LineTaxInAnotherCurrency_ErrorAtCurrencyAndNoTotalsNoise()
    {
        var invoice = ThreeLineInvoice();
        var lines = invoice.Lines.ToList();
        lines[1] = lines[1] with { TaxAmount = Money.Of(lines[1].TaxAmount.Amount, CurrencyCode.Parse("GBP")) };

        var result = await Rules.EvaluateAsync(invoice with { Lines = lines });

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.InvoiceCurrencyMismatch, "/lines/1/taxAmount/currency"), (violation.Code, violation.Path));
        Assert.Contains("GBP", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_AmountWithMoreDecimalsThanCurrency_ErrorNotRounded()
    {
        var invoice = ThreeLineInvoice();

        var result = await Rules.EvaluateAsync(invoice with { AmountPaid = Money.Of(0.005m, invoice.Currency) });

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.InvoiceAmountNotRounded, "/amountPaid"), (violation.Code, violation.Path));
    }

    [Fact]
    public async Task EvaluateAsync_JpyHasNoMinorUnits_HalfYenRejected()
    {
        var jpy = CurrencyCode.Parse("JPY");
        var invoice = ThreeLineInvoice(jpy);
        var lines = invoice.Lines.ToList();
        lines[0] = lines[0] with { Quantity = 1m, UnitPrice = Money.Of(1000.5m, jpy), Amount = Money.Of(1000.5m, jpy) };

        var result = await Rules.EvaluateAsync(Totalled(invoice with { Lines = lines }));

        Assert.Contains(result.Violations, v => v.Code == RuleCodes.InvoiceAmountNotRounded && v.Path == "/lines/0/amount");
        Assert.DoesNotContain(result.Violations, v => v.Code == RuleCodes.InvoiceLineAmountMismatch);
    }

    [Fact]
    public async Task EvaluateAsync_AmountDueNotTotalLessPaid_ErrorAtAmountDue()
    {
        var invoice = ThreeLineInvoice();

        var result = await Rules.EvaluateAsync(invoice with { AmountPaid = Money.FromMinorUnits(100, invoice.Currency) });

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.InvoiceAmountDueMismatch, "/amountDue"), (violation.Code, violation.Path));
    }

    [Fact]
    public async Task EvaluateAsync_NoLines_ErrorAtLines()
    {
        var invoice = ThreeLineInvoice();
        var zero = Money.Zero(invoice.Currency);

        var result = await Rules.EvaluateAsync(invoice with { Lines = [], Subtotal = zero, TaxTotal = zero, Total = zero, AmountPaid = zero, AmountDue = zero });

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.InvoiceNoLines, "/lines"), (violation.Code, violation.Path));
    }

    [Fact]
    public async Task EvaluateAsync_InvoiceInOtherCurrencyThanEngagement_ErrorAtCurrency()
    {
        var faker = new CanonicalFaker(4);
        var client = faker.Client(CurrencyCode.Parse("EUR"));
        var engagement = faker.Engagement(client);
        var usdClient = client with { Currency = CurrencyCode.Parse("USD") };
        var invoice = faker.Invoice(usdClient) with { EngagementId = engagement.Id };

        var known = await Rules.EvaluateAsync(invoice, new InMemoryRuleReferenceData([engagement]));
        var unknown = await Rules.EvaluateAsync(invoice);

        var violation = Assert.Single(known.Violations);
        Assert.Equal((RuleCodes.InvoiceEngagementCurrencyMismatch, "/currency"), (violation.Code, violation.Path));
        Assert.Empty(unknown.Violations);
    }

    [Fact]
    public async Task EvaluateAsync_InvoiceBreakingManyRules_CollectsEveryViolation()
    {
        var invoice = ThreeLineInvoice();
        var lines = invoice.Lines.ToList();
        var cent = Money.FromMinorUnits(1, invoice.Currency);
        lines[0] = lines[0] with { Amount = lines[0].Amount + cent };
        lines[2] = lines[2] with { UnitPrice = Money.Of(lines[2].UnitPrice.Amount, CurrencyCode.Parse("CHF")) };

        var result = await Rules.EvaluateAsync(invoice with { Lines = lines, TaxTotal = invoice.TaxTotal + cent });

        Assert.Equal(
            [
                (RuleCodes.InvoiceLineAmountMismatch, "/lines/0/amount"),
                (RuleCodes.InvoiceCurrencyMismatch, "/lines/2/unitPrice/currency"),
                (RuleCodes.InvoiceSubtotalMismatch, "/subtotal"),
                (RuleCodes.InvoiceTaxTotalMismatch, "/taxTotal"),
                (RuleCodes.InvoiceTotalMismatch, "/total"),
            ],
            result.Violations.Select(v => (v.Code, v.Path)));
    }

    internal static Invoice ThreeLineInvoice(CurrencyCode? currency = null)
    {
        var faker = new CanonicalFaker(21);
        var client = faker.Client(currency ?? CurrencyCode.Parse("USD"));
        var engagement = faker.Engagement(client);
        var tm = faker.ContractLine(engagement, BillingMethod.TimeAndMaterials);
        var consultant = faker.Resource();
        var assignment = faker.ResourceAssignment(engagement, consultant, tm);
        var events = Enumerable.Range(0, 3)
            .Select(_ => faker.BillingEventFor(faker.TimeEntry(engagement, assignment, tm, TimeEntryStatus.Approved), tm, assignment.BillRate!.Value))
            .ToList();
        var invoice = faker.Invoice(client, engagement, events);
        return invoice.TaxTotal.IsZero ? Totalled(invoice with { Lines = [.. invoice.Lines.Select(l => l with { TaxAmount = (l.Amount * 0.19m).Round() })] }) : invoice;
    }

    /// <summary>Recomputes subtotal, tax, total and amount due from the lines, as an ERP would.</summary>
    internal static Invoice Totalled(Invoice invoice)
    {
        var subtotal = Money.Zero(invoice.Currency);
        var tax = Money.Zero(invoice.Currency);
        foreach (var line in invoice.Lines)
        {
            subtotal += line.Amount;
            tax += line.TaxAmount;
        }

        return invoice with { Subtotal = subtotal, TaxTotal = tax, Total = subtotal + tax, AmountPaid = Money.Zero(invoice.Currency), AmountDue = subtotal + tax };
    }
}
