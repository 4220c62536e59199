using ProServ.Integration.Internal;
using ProServ.Integration.Model;
using ProServ.Integration.Ownership.Internal;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Ownership;

/// <summary>Names, per canonical record type and field, the system of record; merges inbound changes and filters outbound writes by it.</summary>
/// <remarks>
/// <para>Inbound (<see cref="Merge{T}(T, T, string)"/>): a change to a field is applied only when the sending system owns
/// the field (or nobody does); otherwise the current value is kept and an <see cref="OwnershipConflict"/> is reported.
/// Outbound (<see cref="FilterOutbound{T}(T, string, OutboundWriteKind)"/>): an update never writes a field the target owns.</para>
/// <para>Start from <see cref="Default"/> (CRM / PSA / ERP) and change it with <see cref="ToBuilder"/>, or build one from
/// scratch with <see cref="CreateBuilder"/>. A record type with no line is not governed: every change is applied.
/// Immutable and thread-safe.</para>
/// </remarks>
public sealed class OwnershipPolicy
{
    private readonly Dictionary<Type, OwnershipNode> trees;
    private readonly Dictionary<Type, Dictionary<string, string?>> entries;
    private readonly Dictionary<string, string> systemRoles;

    internal OwnershipPolicy(Dictionary<Type, OwnershipNode> trees, Dictionary<Type, Dictionary<string, string?>> entries, Dictionary<string, string> systemRoles)
    {
        this.trees = trees;
        this.entries = entries;
        this.systemRoles = systemRoles;
        var list = new List<OwnershipEntry>();
        foreach (var (type, fields) in entries)
        {
            var name = CanonicalSchemaIds.GetSchemaName(type);
            foreach (var (path, owner) in fields)
            {
                list.Add(new OwnershipEntry(name, path, owner));
            }
        }

        list.Sort(static (a, b) =>
        {
            var byType = string.CompareOrdinal(a.RecordType, b.RecordType);
            return byType != 0 ? byType : string.CompareOrdinal(a.Path, b.Path);
        });
        Entries = list;
    }

    /// <summary>Gets the default policy: CRM owns clients and opportunities, the PSA owns delivery (engagements, contract lines, people, assignments, milestones, time, expenses, billing events), the ERP owns invoices, payments, client tax profile and payment terms, and the status and invoice of billing events.</summary>
    /// <remarks>Systems: <c>salesforce</c> and <c>hubspot</c> play <see cref="OwnershipSystems.Crm"/>, <c>netsuite</c> plays <see cref="OwnershipSystems.Erp"/>; any other system plays the role of its own name. The full table is in docs/ownership.md.</remarks>
    public static OwnershipPolicy Default { get; } = DefaultOwnership.Apply(new OwnershipPolicyBuilder()).Build();

    /// <summary>Gets every line of the policy, sorted by record type and path.</summary>
    public IReadOnlyList<OwnershipEntry> Entries { get; }

    /// <summary>Starts an empty policy.</summary>
    /// <returns>A builder.</returns>
    public static OwnershipPolicyBuilder CreateBuilder() => new();

    /// <summary>Starts a builder holding this policy's lines and system roles, to change them.</summary>
    /// <returns>A builder; this policy is not changed.</returns>
    public OwnershipPolicyBuilder ToBuilder() => new(entries, systemRoles);

    /// <summary>Returns the role a system plays: its mapping from <see cref="OwnershipPolicyBuilder.MapSystem(string, string)"/>, else its own name.</summary>
    /// <param name="system">The system, for example <c>salesforce</c>.</param>
    /// <returns>The role, for example <c>crm</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is <see langword="null"/>.</exception>
    public string ResolveRole(string system)
    {
        Guard.NotNull(system);
        return systemRoles.TryGetValue(system, out var role) ? role : system;
    }

    /// <summary>Returns the system of record of a field.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="path">The field's JSON Pointer, for example <c>/amount</c> or <c>/billingAddress/city</c>.</param>
    /// <returns>The owner that applies (the deepest line on the path), or <see langword="null"/> when the field is shared or the record type is not governed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public string? GetOwner<T>(string path)
        where T : class, ICanonicalRecord => GetOwner(typeof(T), path);

    /// <summary>Returns the system of record of a field.</summary>
    /// <param name="recordType">The record type, for example <c>typeof(Invoice)</c>.</param>
    /// <param name="path">The field's JSON Pointer.</param>
    /// <returns>The owner that applies, or <see langword="null"/> when the field is shared or the record type is not governed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recordType"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    public string? GetOwner(Type recordType, string path)
    {
        Guard.NotNull(recordType);
        Guard.NotNull(path);
        if (!trees.TryGetValue(recordType, out var node))
        {
            return null;
        }

        var owner = node.OwnerOr(null);
        var start = 1;
        while (start <= path.Length && node is not null)
        {
            var end = path.IndexOf('/', start);
            if (end < 0)
            {
                end = path.Length;
            }

            node = node.Children is null ? null : FindChild(node, path.AsSpan(start, end - start));
            if (node is not null)
            {
                owner = node.OwnerOr(owner);
            }

            start = end + 1;
        }

        return owner;
    }

    /// <summary>Tells whether a system may change a field: it owns it, or nobody does.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="path">The field's JSON Pointer.</param>
    /// <param name="system">The system, by name or role.</param>
    /// <returns><see langword="true"/> when changes from <paramref name="system"/> to the field are applied.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="system"/> is <see langword="null"/>.</exception>
    public bool CanWrite<T>(string path, string system)
        where T : class, ICanonicalRecord
    {
        var owner = GetOwner<T>(path);
        return owner is null || string.Equals(owner, ResolveRole(system), StringComparison.Ordinal);
    }

    /// <summary>Merges an inbound version of a record into the current one: fields the source owns (or nobody owns) take the inbound value; fields another system owns keep the current value and are reported as conflicts.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="current">The record as stored, or <see langword="null"/> when it is new (then the inbound record is taken whole).</param>
    /// <param name="inbound">The record as the source system sent it (after mapping).</param>
    /// <param name="sourceSystem">The sending system, by name (<c>salesforce</c>) or role (<c>crm</c>).</param>
    /// <returns>The merged record, the applied fields and the conflicts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inbound"/> or <paramref name="sourceSystem"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> and <paramref name="inbound"/> have different ids or tenants.</exception>
    /// <remarks>
    /// <c>id</c> and <c>tenantId</c> must match; <c>externalReferences</c> are merged per system: the source's own entry is
    /// taken from the inbound record, every other system's entry is kept. Values are compared as canonical JSON, so an
    /// unchanged field is never a conflict. Nested objects with owned fields inside are merged field by field; arrays
    /// and money values as a whole.
    /// </remarks>
    public OwnershipMergeResult<T> Merge<T>(T? current, T inbound, string sourceSystem)
        where T : class, ICanonicalRecord
    {
        Guard.NotNull(inbound);
        Guard.NotNull(sourceSystem);
        if (current is null)
        {
            return new OwnershipMergeResult<T>(inbound, isNew: true, [], []);
        }

        return OwnershipMerger.Merge(trees.GetValueOrDefault(typeof(T)), current, inbound, sourceSystem, ResolveRole(sourceSystem));
    }

    /// <summary>Returns the canonical JSON of a record as it may be written to a target system: on update, without the fields the target owns.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="targetSystem">The target system, by name or role.</param>
    /// <param name="kind">Whether the write updates a record the target has (target-owned fields left out) or creates it (all fields kept).</param>
    /// <returns>The JSON to map into the target and the fields left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="targetSystem"/> is <see langword="null"/>.</exception>
    public OutboundRecord FilterOutbound<T>(T record, string targetSystem, OutboundWriteKind kind = OutboundWriteKind.Update)
        where T : class, ICanonicalRecord
    {
        Guard.NotNull(record);
        Guard.NotNull(targetSystem);
        var tree = kind == OutboundWriteKind.Update ? trees.GetValueOrDefault(typeof(T)) : null;
        return OwnershipMerger.Filter(tree, record, ResolveRole(targetSystem));
    }

    private static OwnershipNode? FindChild(OwnershipNode node, ReadOnlySpan<char> name)
    {
        var lookup = node.Children!.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(name, out var child) ? child : null;
    }
}
