using System.Text.Json.Nodes;
using ProServ.Integration.Events;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Schemas.Tests.Published;

/// <summary>Generates canonical records of every type with <see cref="CanonicalFaker"/>, serialized with <see cref="CanonicalJson"/>.</summary>
internal static class CanonicalRecords
{
    public static readonly int[] Seeds = [1, 7, 42, 2026];

    private static readonly BillingMethod[] Methods =
        [BillingMethod.TimeAndMaterials, BillingMethod.FixedFee, BillingMethod.Milestone, BillingMethod.Retainer, BillingMethod.Subscription];

    private static readonly EngagementStatus[] EngagementStatuses =
        [EngagementStatus.Active, EngagementStatus.Planned, EngagementStatus.OnHold, EngagementStatus.Completed, EngagementStatus.Cancelled];

    private static readonly InvoiceStatus[] InvoiceStatuses =
        [InvoiceStatus.Posted, InvoiceStatus.Draft, InvoiceStatus.Sent, InvoiceStatus.PartiallyPaid, InvoiceStatus.Paid, InvoiceStatus.Void, InvoiceStatus.Disputed];

    private static readonly Lazy<IReadOnlyDictionary<Type, IReadOnlyList<object>>> Generated = new(Generate);

    /// <summary>Gets at least 200 generated records per canonical type (4 seeds x 52 rounds, plus a firm per seed).</summary>
    public static IReadOnlyDictionary<Type, IReadOnlyList<object>> ByType => Generated.Value;

    /// <summary>Gets one valid record of <paramref name="type"/> as a mutable JSON tree.</summary>
    public static JsonObject One(Type type, int index = 0) => ToNode(ByType[type][index]);

    public static JsonObject ToNode(object record) =>
        JsonNode.Parse(Serialize(record))!.AsObject();

    public static byte[] Serialize(object record) => record switch
    {
        Client r => CanonicalJson.SerializeToUtf8Bytes(r),
        Opportunity r => CanonicalJson.SerializeToUtf8Bytes(r),
        Engagement r => CanonicalJson.SerializeToUtf8Bytes(r),
        ContractLine r => CanonicalJson.SerializeToUtf8Bytes(r),
        Resource r => CanonicalJson.SerializeToUtf8Bytes(r),
        ResourceAssignment r => CanonicalJson.SerializeToUtf8Bytes(r),
        Milestone r => CanonicalJson.SerializeToUtf8Bytes(r),
        TimeEntry r => CanonicalJson.SerializeToUtf8Bytes(r),
        Expense r => CanonicalJson.SerializeToUtf8Bytes(r),
        BillingEvent r => CanonicalJson.SerializeToUtf8Bytes(r),
        Invoice r => CanonicalJson.SerializeToUtf8Bytes(r),
        Payment r => CanonicalJson.SerializeToUtf8Bytes(r),
        BusinessEvent r => CanonicalJson.SerializeToUtf8Bytes(r),
        _ => throw new ArgumentException($"{record.GetType().Name} is not a canonical record type.", nameof(record)),
    };

    private static Dictionary<Type, IReadOnlyList<object>> Generate()
    {
        var lists = CanonicalSchemaIds.RecordTypes.ToDictionary(t => t, _ => new List<object>());
        foreach (var seed in Seeds)
        {
            var faker = new CanonicalFaker(seed, tenantId: $"firm-{seed}");
            for (var i = 0; i < 52; i++)
            {
                var client = faker.Client();
                var resource = faker.Resource();
                var opportunity = faker.Opportunity(client, owner: resource);
                var engagement = faker.Engagement(client, opportunity, resource, EngagementStatuses[i % EngagementStatuses.Length]);
                var timeAndMaterials = faker.ContractLine(engagement, BillingMethod.TimeAndMaterials);
                var other = faker.ContractLine(engagement, Methods[i % Methods.Length]);
                var assignment = faker.ResourceAssignment(engagement, resource, timeAndMaterials);
                var milestone = faker.Milestone(engagement, other);
                var entry = faker.TimeEntry(engagement, assignment, timeAndMaterials);
                var expense = faker.Expense(engagement, resource);
                var billing = faker.BillingEvent(engagement, other);
                var invoice = faker.Invoice(client, i % 3 == 0 ? null : engagement, i % 2 == 0 ? [billing] : null, InvoiceStatuses[i % InvoiceStatuses.Length]);
                var payment = faker.Payment(invoice, full: i % 2 == 0);
                var businessEvent = faker.BusinessEvent();

                object[] round = [client, resource, opportunity, engagement, timeAndMaterials, other, assignment, milestone, entry, expense, billing, invoice, payment, businessEvent];
                foreach (var record in round)
                {
                    lists[record.GetType()].Add(record);
                }
            }

            var firm = faker.Firm();
            foreach (var record in firm.AllRecords().Cast<object>().Concat(firm.Events))
            {
                lists[record.GetType()].Add(record);
            }
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<object>)p.Value);
    }
}
