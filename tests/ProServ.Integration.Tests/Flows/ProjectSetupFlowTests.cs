using ProServ.Integration.Checkpoints;
using ProServ.Integration.Connectors;
using ProServ.Integration.CrossReference;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Finance;
using ProServ.Integration.Flows;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Model;
using ProServ.Integration.TestUtils;
using Xunit;

namespace ProServ.Integration.Tests.Flows;

public sealed class ProjectSetupFlowTests
{
    private const string Tenant = "acme-consulting";
    private readonly ManualTimeProvider _clock = new();
    private readonly CanonicalFaker _faker = new(23, Tenant);
    private readonly InMemorySystem<Opportunity> _opportunities = new("opp");
    private readonly InMemorySystem<Client> _crmClients = new("acct");
    private readonly InMemorySystem<OpportunityProjectLink> _links = new("link");
    private readonly InMemorySystem<Engagement> _psaProjects = new("ws");
    private readonly InMemorySystem<Milestone> _psaMilestones = new("ms");
    private readonly InMemorySystem<Client> _erpCustomers = new("cust");
    private readonly InMemorySystem<Engagement> _erpProjects = new("job");
    private readonly ICrossReferenceStore _xref;
    private readonly IDeadLetterStore _deadLetters;
    private readonly ProjectSetupFlow _flow;
    private readonly List<ProjectPlan> _created = [];

    public ProjectSetupFlowTests()
    {
        _xref = CrossReferenceStores.CreateInMemory(_clock);
        _deadLetters = DeadLetterStores.CreateInMemory(timeProvider: _clock);
        var planner = new ServiceLineProjectPlanner(
            new Dictionary<string, ServiceLineTemplate>(StringComparer.Ordinal)
            {
                ["cloud-migration"] = new()
                {
                    HourlyRates = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["consultant"] = 150m, ["architect"] = 210m },
                    Milestones = [new("Design", 1m, 30), new("Build", 1m, 60), new("Go-live", 1m, 90)],
                },
            });
        _flow = new ProjectSetupFlow(
            new ProjectSetupConnectors
            {
                CrmSystem = "crm",
                Opportunities = _opportunities,
                Clients = _crmClients,
                ProjectLinks = _links,
                PsaSystem = "psa",
                PsaProjects = _psaProjects,
                PsaMilestones = _psaMilestones,
                ErpSystem = "erp",
                ErpCustomers = _erpCustomers,
                ErpProjects = _erpProjects,
            },
            planner,
            _xref,
            new InMemoryIdempotencyStore(_clock),
            _deadLetters,
            new InMemoryCheckpointStore(_clock),
            new ProjectSetupFlowOptions { PageSize = 2 },
            _clock)
        {
            ProjectCreated = (plan, _) =>
            {
                _created.Add(plan);
                return ValueTask.CompletedTask;
            },
        };
    }

    [Fact]
    public async Task RunOnce_ReadyWonOpportunity_CreatesCustomerProjectsMilestonesAndWritesBack()
    {
        var opportunity = await WonAsync("opp-crm-1", BillingMethod.FixedFee, 100_000.01m);

        var run = await _flow.RunOnceAsync(Tenant);

        Assert.Equal(new FlowRunResult(1, 1, 0, 0, false, 1), run);
        Assert.Equal(1, _erpCustomers.Creates);
        Assert.Equal("proserv-uk-ltd", Assert.Single(_erpCustomers.Records.Values).LegalEntity);
        var psa = Assert.Single(_psaProjects.Records.Values);
        var erp = Assert.Single(_erpProjects.Records.Values);
        Assert.Equal(psa.Id, erp.Id);
        Assert.Equal(opportunity.Id, psa.OpportunityId);
        Assert.Equal("cust-1", Assert.Single(_erpProjects.Requests).RelatedExternalIds["client"]);
        Assert.Equal(3, _psaMilestones.Creates);
        Assert.All(_psaMilestones.Requests, r => Assert.Equal("ws-1", r.RelatedExternalIds["engagement"]));
        Assert.Equal(opportunity.Amount, _psaMilestones.Records.Values.Select(m => m.Amount).Aggregate((a, b) => a + b));
        var link = Assert.Single(_links.Requests);
        Assert.Equal(("opp-crm-1", ProjectSetupState.Created, "ws-1", "job-1"), (link.ExternalId, link.Record.State, link.Record.PsaProjectId, link.Record.ErpProjectId));
        Assert.Single(_created);
    }

    [Fact]
    public async Task RunOnce_Again_AndTheWriteBackEchoesFromTheCrm_WritesNothingMore()
    {
        var opportunity = await WonAsync("opp-crm-1", BillingMethod.TimeAndMaterials, 50_000m);
        await _flow.RunOnceAsync(Tenant);

        // The CRM reports our own write-back as a new version of the opportunity.
        _opportunities.Publish("opp-crm-1", opportunity);
        var second = await _flow.RunOnceAsync(Tenant);
        var third = await _flow.RunOnceAsync(Tenant);

        Assert.Equal(1, second.Read);
        Assert.Equal(0, third.Read);
        Assert.Equal((1, 1, 1), (_psaProjects.Writes, _erpProjects.Writes, _erpCustomers.Writes));
        Assert.Single(_links.Requests);
        Assert.Single(_created);
    }

    [Fact]
    public async Task RunOnce_NotReady_DeadLettersOnceWithTheReason_ThenCreatesAfterTheCrmIsFixed()
    {
        var opportunity = await WonAsync("opp-crm-1", BillingMethod.Milestone, 9_000m, publish: false);
        var incomplete = opportunity with { LegalEntity = null, ServiceLine = null };
        _opportunities.Publish("opp-crm-1", incomplete);
        _opportunities.Publish("opp-crm-1", incomplete);

        var blocked = await _flow.RunOnceAsync(Tenant);
        var dead = (await _deadLetters.ListAsync(new DeadLetterQuery { Tenant = Tenant })).Items;

        Assert.Equal(2, blocked.DeadLettered);
        var item = Assert.Single(dead);
        Assert.Equal(FlowErrorCodes.NotReady, item.ErrorCode);
        Assert.Equal(ProjectSetupFlow.DeadLetterSource, item.Source);
        Assert.Equal(0, _psaProjects.Writes + _erpProjects.Writes + _erpCustomers.Writes);
        var writeBack = Assert.Single(_links.Requests);
        Assert.Equal(ProjectSetupState.Blocked, writeBack.Record.State);
        Assert.False(string.IsNullOrWhiteSpace(writeBack.Record.Message));

        _opportunities.Publish("opp-crm-1", opportunity);
        var fixedRun = await _flow.RunOnceAsync(Tenant);

        Assert.Equal(1, fixedRun.Completed);
        Assert.Equal(1, _psaProjects.Creates);
        Assert.Equal([ProjectSetupState.Blocked, ProjectSetupState.Created], _links.Requests.Select(r => r.Record.State));
    }

    [Fact]
    public async Task RunOnce_TransientFailure_DefersWithoutMovingTheCheckpoint_AndTheNextRunFinishesWithoutDuplicates()
    {
        await WonAsync("opp-crm-1", BillingMethod.TimeAndMaterials, 10_000m);
        await WonAsync("opp-crm-2", BillingMethod.TimeAndMaterials, 20_000m);
        _erpProjects.FailNextAfterCommit();

        var first = await _flow.RunOnceAsync(Tenant);
        var second = await _flow.RunOnceAsync(Tenant);

        Assert.True(first.Deferred);
        Assert.Equal(0, first.PagesCommitted);
        Assert.False(second.Deferred);
        Assert.Equal(2, second.Completed);
        Assert.Equal(2, _psaProjects.Creates);
        Assert.Equal(2, _erpProjects.Creates);
        Assert.Equal(2, _erpProjects.Records.Count);
        Assert.Equal(2, _links.Requests.Count);
    }

    [Fact]
    public async Task RunOnce_PermanentFailure_DeadLetters_AndReplayFinishesWithoutDuplicates()
    {
        await WonAsync("opp-crm-1", BillingMethod.TimeAndMaterials, 10_000m);
        _erpProjects.FailNextBeforeCommit(transient: false);

        var run = await _flow.RunOnceAsync(Tenant);
        var item = Assert.Single((await _deadLetters.ListAsync(new DeadLetterQuery { Tenant = Tenant })).Items);
        var replay = await _deadLetters.ReplayAsync(Tenant, item.Id, (dead, ct) => _flow.ReplayAsync(dead, ct));

        Assert.Equal(1, run.DeadLettered);
        Assert.Equal(FlowErrorCodes.StepFailed, item.ErrorCode);
        Assert.Contains("test.permanent", item.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(DeadLetterReplayStatus.Resolved, replay.Status);
        Assert.Equal((1, 1, 1), (_psaProjects.Creates, _erpProjects.Creates, _erpCustomers.Creates));
        Assert.Equal(ProjectSetupState.Created, Assert.Single(_links.Requests).Record.State);
    }

    [Fact]
    public async Task RunOnce_ClientUnknownInCrm_DeadLettersClientMissing()
    {
        var client = _faker.Client();
        var opportunity = Ready(client);
        _opportunities.Publish("opp-crm-9", opportunity);

        var run = await _flow.RunOnceAsync(Tenant);

        Assert.Equal(1, run.DeadLettered);
        Assert.Equal(FlowErrorCodes.ClientMissing, Assert.Single((await _deadLetters.ListAsync(new DeadLetterQuery { Tenant = Tenant })).Items).ErrorCode);
    }

    [Fact]
    public async Task RunOnce_NotWonAndTombstones_AreSkipped()
    {
        var opportunity = await WonAsync("opp-crm-1", BillingMethod.TimeAndMaterials, 1_000m);
        _opportunities.Publish("opp-crm-2", opportunity with { Stage = OpportunityStage.Negotiation });
        _opportunities.Publish("opp-crm-3", null, ChangeKind.Delete);

        var run = await _flow.RunOnceAsync(Tenant);

        Assert.Equal((3, 1, 2), (run.Read, run.Completed, run.Skipped));
    }

    [Fact]
    public void Plan_IsDeterministic_AndMilestonesAddUpToTheAmountInEveryCurrency()
    {
        var planner = new ServiceLineProjectPlanner(new Dictionary<string, ServiceLineTemplate>(StringComparer.Ordinal), new ServiceLineTemplate
        {
            Milestones = [new("A", 1m, 0), new("B", 1m, 10), new("C", 1m, 20)],
        });
        foreach (var code in new[] { "JPY", "USD", "BHD" })
        {
            var client = _faker.Client();
            var opportunity = Ready(client) with { BillingMethod = BillingMethod.Milestone, Amount = Money.Of(100m, CurrencyCode.Parse(code)) };
            var id = EngagementId.FromGuid(Guid.CreateVersion7());

            var a = planner.Plan(opportunity, client, id);
            var b = planner.Plan(opportunity, client, id);

            Assert.Equal(a.Milestones.Select(m => m.Id), b.Milestones.Select(m => m.Id));
            Assert.Equal(a.ContractLines[0].Id, b.ContractLines[0].Id);
            Assert.Equal(opportunity.Amount, a.Milestones.Select(m => m.Amount).Aggregate((x, y) => x + y));
            Assert.All(a.Milestones, m => Assert.True(m.Amount.IsRoundedToMinorUnits));
        }
    }

    [Fact]
    public void Planner_InvalidTemplate_ListsEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceLineProjectPlanner(
            new Dictionary<string, ServiceLineTemplate>(StringComparer.Ordinal) { ["x"] = new() { DurationMonths = 0, Milestones = [new("A", 0m, -1)] } }));

        Assert.Contains("DurationMonths", error.Message, StringComparison.Ordinal);
        Assert.Contains("'A'", error.Message, StringComparison.Ordinal);
    }

    private Opportunity Ready(Client client) =>
        _faker.Opportunity(client, OpportunityStage.ClosedWon) with
        {
            LegalEntity = "proserv-uk-ltd",
            BillingMethod = BillingMethod.TimeAndMaterials,
            ExpectedStartDate = _faker.Today.AddDays(14),
            ServiceLine = "cloud-migration",
            ProjectManagerId = _faker.Resource().Id,
        };

    private async Task<Opportunity> WonAsync(string crmId, BillingMethod method, decimal amount, bool publish = true)
    {
        var client = _faker.Client();
        var crmClientId = "acct-" + crmId;
        _crmClients.Publish(crmClientId, client);
        await _xref.LinkAsync(Tenant, "client", client.Id.Value, "crm", crmClientId);
        var opportunity = Ready(client) with { BillingMethod = method, Amount = Money.Of(amount, client.Currency) };
        if (publish)
        {
            _opportunities.Publish(crmId, opportunity);
        }

        return opportunity;
    }
}
