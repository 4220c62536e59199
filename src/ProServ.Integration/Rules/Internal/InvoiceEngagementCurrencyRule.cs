using ProServ.Integration.Model;

namespace ProServ.Integration.Rules.Internal;

/// <summary>An invoice for one engagement is in the engagement's currency (when the engagement is known).</summary>
internal sealed class InvoiceEngagementCurrencyRule : IRule<Invoice>
{
    public string Name => "engagement-currency";

    public async ValueTask EvaluateAsync(Invoice record, RuleContext context, CancellationToken cancellationToken)
    {
        if (record.EngagementId is not { } engagementId)
        {
            return;
        }

        var engagement = await context.ReferenceData.FindEngagementAsync(engagementId, cancellationToken).ConfigureAwait(false);
        if (engagement is not null && engagement.Currency != record.Currency)
        {
            context.Report(RuleCodes.InvoiceEngagementCurrencyMismatch, RuleSeverity.Error, "/currency", Text.Format(
                $"The invoice is in {record.Currency}, but engagement '{engagement.Name}' bills in {engagement.Currency}."));
        }
    }
}
