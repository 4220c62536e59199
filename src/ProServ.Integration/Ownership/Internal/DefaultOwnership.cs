using ProServ.Integration.Model;

namespace ProServ.Integration.Ownership.Internal;

/// <summary>The default CRM / PSA / ERP split (see docs/ownership.md for the reasons).</summary>
internal static class DefaultOwnership
{
    public static OwnershipPolicyBuilder Apply(OwnershipPolicyBuilder builder)
    {
        const string Crm = OwnershipSystems.Crm;
        const string Psa = OwnershipSystems.Psa;
        const string Erp = OwnershipSystems.Erp;
        builder
            .Own<Client>(Crm)
            .Own<Client>("/taxProfile", Erp)
            .Own<Client>("/paymentTermsDays", Erp)
            .Own<Opportunity>(Crm)
            .Own<Engagement>(Psa)
            .Own<ContractLine>(Psa)
            .Own<Resource>(Psa)
            .Own<ResourceAssignment>(Psa)
            .Own<Milestone>(Psa)
            .Own<TimeEntry>(Psa)
            .Own<Expense>(Psa)
            .Own<BillingEvent>(Psa)
            .Own<BillingEvent>("/status", Erp)
            .Own<BillingEvent>("/invoiceId", Erp)
            .Own<Invoice>(Erp)
            .Own<Payment>(Erp);
        foreach (var (system, role) in OwnershipConstants.DefaultSystemRoles)
        {
            builder.MapSystem(system, role);
        }

        return builder;
    }
}
