using ProServ.Integration.Model;

namespace ProServ.Integration.Rules.Internal;

/// <summary>Every contract line and invoice of an engagement is in the engagement's currency.</summary>
internal sealed class EngagementCurrencyRule : IRule<Engagement>
{
    public string Name => "one-currency";

    public async ValueTask EvaluateAsync(Engagement record, RuleContext context, CancellationToken cancellationToken)
    {
        var lines = await context.ReferenceData.GetContractLinesAsync(record.Id, cancellationToken).ConfigureAwait(false);
        foreach (var line in lines)
        {
            if (line.Currency != record.Currency)
            {
                context.Report(new RuleViolation(RuleCodes.ContractLineCurrencyMismatch, RuleSeverity.Error, "/currency", Text.Format(
                    $"Contract line '{line.Description}' is priced in {line.Currency}, but engagement '{record.Name}' bills in {record.Currency}; an engagement uses one currency."))
                {
                    RecordType = "contract-line",
                    RecordId = line.Id.ToString(),
                });
            }
        }

        var invoices = await context.ReferenceData.GetInvoicesAsync(record.Id, cancellationToken).ConfigureAwait(false);
        foreach (var invoice in invoices)
        {
            if (invoice.Currency != record.Currency)
            {
                context.Report(new RuleViolation(RuleCodes.EngagementInvoiceCurrencyMismatch, RuleSeverity.Error, "/currency", Text.Format(
                    $"Invoice {invoice.Number ?? invoice.Id.ToString()} is in {invoice.Currency}, but engagement '{record.Name}' bills in {record.Currency}; an engagement uses one currency."))
                {
                    RecordType = "invoice",
                    RecordId = invoice.Id.ToString(),
                });
            }
        }
    }
}
