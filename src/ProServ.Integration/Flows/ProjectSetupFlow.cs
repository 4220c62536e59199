using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.Connectors;
using ProServ.Integration.CrossReference;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Errors;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Internal;
using ProServ.Integration.Mapping.Internal;
using ProServ.Integration.Model;
using ProServ.Integration.Rules;
using ProServ.Integration.Serialization;
using ProServ.Integration.Sync;
using ProServ.Integration.Telemetry;

namespace ProServ.Integration.Flows;

/// <summary>Turns closed-won opportunities into projects: checks the stage gate, finds or creates the ERP customer, creates the project in the PSA and the ERP with its milestones, and writes the project status back to the CRM.</summary>
/// <remarks>
/// <para>
/// Every step is idempotent, so a run that stops anywhere (a transient failure, a killed process) resumes without
/// duplicates: the engagement id is derived from the opportunity; each record is created once per system, with an
/// idempotency key derived from its canonical id, and remembered in the cross-reference store; a record already linked
/// there is never written again (the target system owns it after creation). The write-back to the CRM happens once per
/// distinct status, through the idempotency store, so the change it causes in the CRM, read again on the next run,
/// is recognised and not written back again: no echo loop.
/// </para>
/// <para>
/// A transient failure stops the run before the checkpoint moves past the unfinished page; a permanent one parks the
/// opportunity in the dead-letter store with the reason (replay it with <see cref="ReplayAsync"/>) and the run goes on.
/// Thread-safe; run one instance per tenant at a time (the checkpoint store rejects a concurrent advance).
/// </para>
/// </remarks>
public sealed class ProjectSetupFlow : ISyncFlow
{
    /// <summary>The source name on this flow's dead-letter items.</summary>
    public const string DeadLetterSource = "flow.project-setup";

    private const string PayloadContentType = "application/json";
    private static readonly RuleSet<Opportunity> Readiness = BuiltInRuleSets.ProjectReadiness();
    private static readonly IReadOnlyDictionary<string, string> NoRelated = new Dictionary<string, string>(StringComparer.Ordinal);

    private readonly ProjectSetupConnectors _connectors;
    private readonly IProjectPlanner _planner;
    private readonly ICrossReferenceStore _crossReferences;
    private readonly IdempotentExecutor _once;
    private readonly IDeadLetterStore _deadLetters;
    private readonly ICheckpointStore _checkpoints;
    private readonly ProjectSetupFlowOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="ProjectSetupFlow"/> class.</summary>
    /// <param name="connectors">The CRM, PSA and ERP ends.</param>
    /// <param name="planner">Plans the project of a won opportunity.</param>
    /// <param name="crossReferences">The cross-reference store.</param>
    /// <param name="idempotency">The idempotency store (remembers write-backs).</param>
    /// <param name="deadLetters">The dead-letter store.</param>
    /// <param name="checkpoints">The checkpoint store.</param>
    /// <param name="options">The flow's options; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    public ProjectSetupFlow(
        ProjectSetupConnectors connectors,
        IProjectPlanner planner,
        ICrossReferenceStore crossReferences,
        IIdempotencyStore idempotency,
        IDeadLetterStore deadLetters,
        ICheckpointStore checkpoints,
        ProjectSetupFlowOptions? options = null,
        TimeProvider? timeProvider = null)
    {
        _connectors = Guard.NotNull(connectors);
        _planner = Guard.NotNull(planner);
        _crossReferences = Guard.NotNull(crossReferences);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _once = new IdempotentExecutor(Guard.NotNull(idempotency), Options.Create(new IdempotencyOptions()), _timeProvider);
        _deadLetters = Guard.NotNull(deadLetters);
        _checkpoints = Guard.NotNull(checkpoints);
        _options = options ?? new ProjectSetupFlowOptions();
        Guard.NotNullOrWhiteSpace(_options.OpportunityStream);
    }

    /// <inheritdoc />
    public string Name => "project-setup";

    /// <summary>Occurs after a project has been set up in the PSA and the ERP, with its plan (for example to feed the billing catalogue); awaited before the run goes on.</summary>
    public Func<ProjectPlan, CancellationToken, ValueTask>? ProjectCreated { get; init; }

    /// <summary>Reads the opportunity changes since the checkpoint and sets up a project for each newly won one.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What the run did; <see cref="FlowRunResult.Deferred"/> when a transient failure stopped it.</returns>
    /// <exception cref="IntegrationException">The checkpoint store reported a concurrent advance (<c>checkpoint.conflict</c>), or a cursor is invalid.</exception>
    public async ValueTask<FlowRunResult> RunOnceAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Guard.TenantId(tenantId);
        var checkpoint = await _checkpoints.GetAsync(tenantId, _connectors.CrmSystem, _options.OpportunityStream, cancellationToken).ConfigureAwait(false);
        var version = checkpoint?.Version ?? 0;
        var request = new ReadRequest { TenantId = tenantId, Cursor = checkpoint?.Cursor, PageSize = _options.PageSize, OverlapWindow = _options.OverlapWindow };
        int read = 0, completed = 0, skipped = 0, deadLettered = 0, pages = 0;
        try
        {
            await foreach (var page in _connectors.Opportunities.ReadChangesAsync(request, cancellationToken).ConfigureAwait(false))
            {
                foreach (var change in page.Changes)
                {
                    read++;
                    var result = await ProcessAsync(tenantId, change, cancellationToken).ConfigureAwait(false);
                    switch (result.Disposition)
                    {
                        case ProjectSetupDisposition.Created:
                            completed++;
                            break;
                        case ProjectSetupDisposition.Blocked:
                            deadLettered++;
                            break;
                        default:
                            skipped++;
                            break;
                    }
                }

                var advanced = await _checkpoints.AdvanceAsync(tenantId, _connectors.CrmSystem, _options.OpportunityStream, version, page.Cursor, cancellationToken).ConfigureAwait(false);
                version = advanced.Version;
                pages++;
            }
        }
        catch (IntegrationException ex) when (ex.IsTransient)
        {
            return new FlowRunResult(read, completed, skipped, deadLettered, Deferred: true, pages);
        }

        return new FlowRunResult(read, completed, skipped, deadLettered, Deferred: false, pages);
    }

    /// <summary>Sets up the project for one opportunity change; permanent failures are dead-lettered, transient ones thrown.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="change">The opportunity change read from the CRM.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What set-up did.</returns>
    /// <exception cref="IntegrationException">A step failed transiently (<see cref="IntegrationException.IsTransient"/>); run again later.</exception>
    public async ValueTask<ProjectSetupResult> ProcessAsync(string tenantId, RecordChange<Opportunity> change, CancellationToken cancellationToken = default)
    {
        Guard.TenantId(tenantId);
        Guard.NotNull(change);
        if (change.Kind == ChangeKind.Delete || change.Record is not { } opportunity || opportunity.Stage.Value != OpportunityStage.ClosedWon)
        {
            return ProjectSetupResult.Skipped;
        }

        try
        {
            var result = await SetUpAsync(tenantId, change.ExternalId, opportunity, cancellationToken).ConfigureAwait(false);
            if (result.Disposition == ProjectSetupDisposition.Created && result.FirstTime)
            {
                IntegrationTelemetry.ProjectSetupLatency.Record(Math.Max(0, (_timeProvider.GetUtcNow() - change.ModifiedAt).TotalSeconds));
            }

            return result;
        }
        catch (IntegrationException ex) when (!ex.IsTransient)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"{ex.ErrorCode}: {ex.Message}");
            await ParkAsync(tenantId, change.ExternalId, opportunity, FlowErrorCodes.StepFailed, message, cancellationToken).ConfigureAwait(false);
            return new ProjectSetupResult(ProjectSetupDisposition.Blocked, ErrorCode: FlowErrorCodes.StepFailed);
        }
        catch (Exception ex) when (ex is not IntegrationException and not OperationCanceledException and not OutOfMemoryException)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"{ex.GetType().Name}: {ex.Message}");
            await ParkAsync(tenantId, change.ExternalId, opportunity, FlowErrorCodes.Unexpected, message, cancellationToken).ConfigureAwait(false);
            return new ProjectSetupResult(ProjectSetupDisposition.Blocked, ErrorCode: FlowErrorCodes.Unexpected);
        }
    }

    /// <summary>Replays a dead-lettered opportunity through set-up, with the same derived ids and keys, so a replay never duplicates.</summary>
    /// <param name="item">A dead-letter item of this flow (<see cref="DeadLetterSource"/>).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>Success when the project is set up; a failure with the reason otherwise.</returns>
    public async ValueTask<ReplayOutcome> ReplayAsync(DeadLetterItem item, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(item);
        if (!string.Equals(item.Source, DeadLetterSource, StringComparison.Ordinal))
        {
            return ReplayOutcome.Failure(FlowErrorCodes.Unexpected, $"The item comes from '{item.Source}', not from {DeadLetterSource}.");
        }

        string externalId;
        Opportunity opportunity;
        try
        {
            using var document = JsonDocument.Parse(item.Payload);
            externalId = document.RootElement.GetProperty("externalId").GetString()!;
            opportunity = CanonicalJson.Deserialize<Opportunity>(document.RootElement.GetProperty("opportunity"));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return ReplayOutcome.Failure(FlowErrorCodes.Unexpected, "The dead-letter payload is not a project set-up payload: " + ex.Message);
        }

        try
        {
            var result = await SetUpAsync(item.Tenant, externalId, opportunity, cancellationToken).ConfigureAwait(false);
            return result.Disposition == ProjectSetupDisposition.Created
                ? ReplayOutcome.Success
                : ReplayOutcome.Failure(result.ErrorCode ?? FlowErrorCodes.StepFailed, "Project set-up is still blocked.");
        }
        catch (IntegrationException ex)
        {
            return ReplayOutcome.Failure(ex.ErrorCode, ex.Message);
        }
    }

    private static string Describe(RuleResult readiness)
    {
        var messages = new List<string>();
        foreach (var violation in readiness.Violations)
        {
            if (violation.Severity == RuleSeverity.Error)
            {
                messages.Add(violation.Message);
            }
        }

        return string.Join(" ", messages);
    }

    private async ValueTask<ProjectSetupResult> SetUpAsync(string tenantId, string opportunityExternalId, Opportunity opportunity, CancellationToken cancellationToken)
    {
        var readiness = await Readiness.EvaluateAsync(opportunity, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!readiness.IsValid)
        {
            return await BlockAsync(tenantId, opportunityExternalId, opportunity, FlowErrorCodes.NotReady, Describe(readiness), cancellationToken).ConfigureAwait(false);
        }

        var client = await FindClientAsync(tenantId, opportunity.ClientId, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            var message = $"The client {opportunity.ClientId} of this opportunity is not known in {_connectors.CrmSystem}.";
            return await BlockAsync(tenantId, opportunityExternalId, opportunity, FlowErrorCodes.ClientMissing, message, cancellationToken).ConfigureAwait(false);
        }

        var customer = client with { LegalEntity = opportunity.LegalEntity ?? client.LegalEntity };
        var erpCustomerId = await EnsureAsync(tenantId, "client", client.Id.Value, _connectors.ErpSystem, _connectors.ErpCustomers, customer, NoRelated, cancellationToken).ConfigureAwait(false);

        var engagementId = EngagementId.FromGuid(DerivedId.Create(tenantId, "engagement", DerivedId.ProServSystem, opportunity.Id.ToString()));
        var plan = _planner.Plan(opportunity, client, engagementId);
        var psaProjectId = await EnsureAsync(tenantId, "engagement", engagementId.Value, _connectors.PsaSystem, _connectors.PsaProjects, plan.Engagement, NoRelated, cancellationToken).ConfigureAwait(false);
        var erpRelated = new Dictionary<string, string>(StringComparer.Ordinal) { ["client"] = erpCustomerId };
        var erpProjectId = await EnsureAsync(tenantId, "engagement", engagementId.Value, _connectors.ErpSystem, _connectors.ErpProjects, plan.Engagement, erpRelated, cancellationToken).ConfigureAwait(false);
        if (_connectors.PsaMilestones is { } milestones)
        {
            var related = new Dictionary<string, string>(StringComparer.Ordinal) { ["engagement"] = psaProjectId };
            foreach (var milestone in plan.Milestones)
            {
                await EnsureAsync(tenantId, "milestone", milestone.Id.Value, _connectors.PsaSystem, milestones, milestone, related, cancellationToken).ConfigureAwait(false);
            }
        }

        var link = new OpportunityProjectLink
        {
            TenantId = tenantId,
            OpportunityId = opportunity.Id,
            EngagementId = engagementId,
            PsaProjectId = psaProjectId,
            ErpProjectId = erpProjectId,
            State = ProjectSetupState.Created,
        };
        var firstTime = await WriteBackAsync(tenantId, opportunityExternalId, link, cancellationToken).ConfigureAwait(false);
        if (firstTime && ProjectCreated is { } created)
        {
            await created(plan, cancellationToken).ConfigureAwait(false);
        }

        return new ProjectSetupResult(ProjectSetupDisposition.Created, engagementId, psaProjectId, erpProjectId) { FirstTime = firstTime };
    }

    private async ValueTask<Client?> FindClientAsync(string tenantId, ClientId clientId, CancellationToken cancellationToken)
    {
        var links = await _crossReferences.FindExternalIdsAsync(tenantId, clientId.Value, cancellationToken).ConfigureAwait(false);
        foreach (var link in links)
        {
            if (string.Equals(link.System, _connectors.CrmSystem, StringComparison.Ordinal) && string.Equals(link.RecordType, "client", StringComparison.Ordinal))
            {
                var found = await _connectors.Clients.GetAsync(tenantId, link.ExternalId, cancellationToken).ConfigureAwait(false);
                return found is { Kind: ChangeKind.Upsert, Record: { } client } ? client : null;
            }
        }

        return null;
    }

    private async ValueTask<string> EnsureAsync<TRecord>(
        string tenantId,
        string recordType,
        Guid canonicalId,
        string system,
        IRecordWriter<TRecord> writer,
        TRecord record,
        IReadOnlyDictionary<string, string> related,
        CancellationToken cancellationToken)
        where TRecord : class
    {
        var links = await _crossReferences.FindExternalIdsAsync(tenantId, canonicalId, cancellationToken).ConfigureAwait(false);
        foreach (var link in links)
        {
            if (string.Equals(link.System, system, StringComparison.Ordinal) && string.Equals(link.RecordType, recordType, StringComparison.Ordinal))
            {
                // Created before: the target system owns the record now, so it is not written again.
                return link.ExternalId;
            }
        }

        var key = IdempotencyKey.Derive(tenantId, system + "." + recordType + ".create", canonicalId.ToString(), 1);
        var request = new WriteRequest<TRecord> { TenantId = tenantId, Record = record, IdempotencyKey = key.Value, RelatedExternalIds = related };
        var result = await writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        await _crossReferences.LinkAsync(tenantId, recordType, canonicalId, system, result.ExternalId, cancellationToken).ConfigureAwait(false);
        return result.ExternalId;
    }

    private async ValueTask<ProjectSetupResult> BlockAsync(string tenantId, string opportunityExternalId, Opportunity opportunity, string code, string message, CancellationToken cancellationToken)
    {
        await ParkAsync(tenantId, opportunityExternalId, opportunity, code, message, cancellationToken).ConfigureAwait(false);
        var link = new OpportunityProjectLink { TenantId = tenantId, OpportunityId = opportunity.Id, State = ProjectSetupState.Blocked, Message = message };
        await WriteBackAsync(tenantId, opportunityExternalId, link, cancellationToken).ConfigureAwait(false);
        return new ProjectSetupResult(ProjectSetupDisposition.Blocked, ErrorCode: code);
    }

    private async ValueTask<bool> WriteBackAsync(string tenantId, string opportunityExternalId, OpportunityProjectLink link, CancellationToken cancellationToken)
    {
        if (_connectors.ProjectLinks is not { } writer)
        {
            return true;
        }

        // One write-back per distinct status: reading our own write back from the CRM must not cause another one.
        var content = string.Create(CultureInfo.InvariantCulture, $"{link.State}|{link.PsaProjectId}|{link.ErpProjectId}|{link.Message}");
        var key = IdempotencyKey.Derive(tenantId, "crm.project-link", link.OpportunityId.ToString(), DerivedId.Hash(content));
        var fingerprint = RequestFingerprint.FromBytes(System.Text.Encoding.UTF8.GetBytes(content));
        var result = await _once.ExecuteOnceAsync(
            tenantId,
            "crm.project-link",
            key,
            fingerprint,
            async ct =>
            {
                var request = new WriteRequest<OpportunityProjectLink> { TenantId = tenantId, Record = link, IdempotencyKey = key.Value, ExternalId = opportunityExternalId };
                var written = await writer.WriteAsync(request, ct).ConfigureAwait(false);
                return written.ExternalId;
            },
            FlowJsonContext.Default.String,
            cancellationToken).ConfigureAwait(false);
        return !result.IsReplay;
    }

    private async ValueTask ParkAsync(string tenantId, string opportunityExternalId, Opportunity opportunity, string code, string message, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("externalId", opportunityExternalId);
            json.WritePropertyName("opportunity");
            JsonSerializer.Serialize(json, opportunity, CanonicalJson.GetTypeInfo<Opportunity>());
            json.WriteEndObject();
        }

        IntegrationTelemetry.DeadLetters.Add(1, IntegrationTelemetry.Flow(Name), IntegrationTelemetry.ErrorType(code));

        // One item per opportunity and reason: the same problem read again is the same dead letter, not a new one.
        var key = IdempotencyKey.Derive(tenantId, "project-setup." + code, opportunity.Id.ToString(), DerivedId.Hash(message));
        await _deadLetters.AddAsync(
            new DeadLetterFailure
            {
                Tenant = tenantId,
                Source = DeadLetterSource,
                IdempotencyKey = key.Value,
                ErrorCode = code,
                ErrorMessage = message,
                Payload = buffer.WrittenMemory.ToArray(),
                ContentType = PayloadContentType,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
