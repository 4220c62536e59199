using System.Text.Json.Serialization.Metadata;
using ProServ.Integration.Errors;
using ProServ.Integration.Internal;
using ProServ.Integration.Model;
using ProServ.Integration.Ownership.Internal;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Ownership;

/// <summary>Composes an immutable <see cref="OwnershipPolicy"/>: who owns each canonical record type and field, and which role each concrete system plays.</summary>
/// <remarks>
/// A record-level owner (<see cref="Own{T}(string)"/>) applies to every field without an owner of its own; a field owner
/// (<see cref="Own{T}(string, string)"/>) applies to the field and everything inside it. Fields are JSON Pointers into
/// the record's canonical JSON, camelCase, through nested objects only (<c>/billingAddress/city</c>); arrays and money
/// values are owned as a whole. <c>/id</c>, <c>/tenantId</c> and <c>/externalReferences</c> are managed by the engine and
/// cannot be owned. Not thread-safe; <see cref="Build"/> checks everything once.
/// </remarks>
public sealed class OwnershipPolicyBuilder
{
    private readonly Dictionary<Type, Dictionary<string, string?>> entries = [];
    private readonly Dictionary<string, string> systemRoles = new(StringComparer.Ordinal);
    private readonly List<string> problems = [];

    internal OwnershipPolicyBuilder()
    {
    }

    internal OwnershipPolicyBuilder(IReadOnlyDictionary<Type, Dictionary<string, string?>> entries, IReadOnlyDictionary<string, string> systemRoles)
    {
        foreach (var (type, fields) in entries)
        {
            this.entries[type] = new Dictionary<string, string?>(fields, StringComparer.Ordinal);
        }

        foreach (var (system, role) in systemRoles)
        {
            this.systemRoles[system] = role;
        }
    }

    /// <summary>Makes a system the owner of a record type: of every field that has no owner of its own.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="owner">The system of record, for example <see cref="OwnershipSystems.Psa"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is <see langword="null"/>.</exception>
    public OwnershipPolicyBuilder Own<T>(string owner)
        where T : class, ICanonicalRecord => Set(typeof(T), string.Empty, Guard.NotNull(owner));

    /// <summary>Makes a system the owner of one field (and everything inside it), overriding the record's owner.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="path">The field's JSON Pointer, for example <c>/taxProfile</c>.</param>
    /// <param name="owner">The system of record, for example <see cref="OwnershipSystems.Erp"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="owner"/> is <see langword="null"/>.</exception>
    public OwnershipPolicyBuilder Own<T>(string path, string owner)
        where T : class, ICanonicalRecord => Set(typeof(T), Guard.NotNull(path), Guard.NotNull(owner));

    /// <summary>Declares a field shared: any system may change it, whatever the record's owner.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="path">The field's JSON Pointer, for example <c>/description</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public OwnershipPolicyBuilder Share<T>(string path)
        where T : class, ICanonicalRecord => Set(typeof(T), Guard.NotNull(path), owner: null);

    /// <summary>Removes every ownership line of a record type: no system owns it, every system may change it.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <returns>This builder.</returns>
    public OwnershipPolicyBuilder Remove<T>()
        where T : class, ICanonicalRecord
    {
        entries.Remove(typeof(T));
        return this;
    }

    /// <summary>Removes one ownership line (a field's owner, or the record-level owner with an empty path).</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="path">The field's JSON Pointer, or empty for the record-level owner.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <remarks>Removing a line that is not there is reported by <see cref="Build"/>.</remarks>
    public OwnershipPolicyBuilder Remove<T>(string path)
        where T : class, ICanonicalRecord
    {
        Guard.NotNull(path);
        if (!entries.TryGetValue(typeof(T), out var fields) || !fields.Remove(path))
        {
            problems.Add($"Remove<{typeof(T).Name}>('{path}'): the policy has no such line.");
        }

        return this;
    }

    /// <summary>Names the role a concrete system plays, so changes from it are judged as changes from that role.</summary>
    /// <param name="system">The system as connectors name it (the <see cref="ExternalReference.System"/> name), for example <c>salesforce</c>.</param>
    /// <param name="owner">The role, for example <see cref="OwnershipSystems.Crm"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> or <paramref name="owner"/> is <see langword="null"/>.</exception>
    /// <remarks>A system with no mapping plays the role of its own name.</remarks>
    public OwnershipPolicyBuilder MapSystem(string system, string owner)
    {
        Guard.NotNull(system);
        Guard.NotNull(owner);
        if (!OwnershipConstants.IsValidOwner(system))
        {
            problems.Add($"MapSystem('{system}', ...): a system name has 1 to 32 lowercase letters, digits and hyphens, starting with a letter.");
        }

        if (!OwnershipConstants.IsValidOwner(owner))
        {
            problems.Add($"MapSystem(..., '{owner}'): an owner has 1 to 32 lowercase letters, digits and hyphens, starting with a letter.");
        }

        systemRoles[system] = owner;
        return this;
    }

    /// <summary>Checks the policy and creates it.</summary>
    /// <returns>The immutable policy.</returns>
    /// <exception cref="IntegrationException">Error code <see cref="OwnershipErrorCodes.InvalidPolicy"/>: a path names no field of its record, a field is engine-managed, or an owner name is not valid; the message lists every problem.</exception>
    public OwnershipPolicy Build()
    {
        var found = new List<string>(problems);
        var trees = new Dictionary<Type, OwnershipNode>();
        foreach (var (type, fields) in entries)
        {
            var root = new OwnershipNode();
            foreach (var (path, owner) in fields)
            {
                if (owner is not null && !OwnershipConstants.IsValidOwner(owner))
                {
                    found.Add($"{type.Name} '{path}': the owner '{owner}' is not valid; use 1 to 32 lowercase letters, digits and hyphens, starting with a letter.");
                    continue;
                }

                var node = Resolve(type, path, root, found);
                if (node is not null)
                {
                    node.HasOwner = true;
                    node.Owner = owner;
                }
            }

            trees[type] = root;
        }

        if (found.Count > 0)
        {
            throw new IntegrationException(
                OwnershipErrorCodes.InvalidPolicy,
                $"The ownership policy is not valid:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", found)}");
        }

        var snapshot = new Dictionary<Type, Dictionary<string, string?>>();
        foreach (var (type, fields) in entries)
        {
            snapshot[type] = new Dictionary<string, string?>(fields, StringComparer.Ordinal);
        }

        return new OwnershipPolicy(trees, snapshot, new Dictionary<string, string>(systemRoles, StringComparer.Ordinal));
    }

    private static OwnershipNode? Resolve(Type type, string path, OwnershipNode root, List<string> found)
    {
        if (path.Length == 0)
        {
            return root;
        }

        if (path[0] != '/' || path.EndsWith('/'))
        {
            found.Add($"{type.Name} '{path}': a field is a JSON Pointer such as '/name'.");
            return null;
        }

        var segments = path[1..].Split('/');
        if (OwnershipConstants.IsEngineManaged(segments[0]))
        {
            found.Add($"{type.Name} '{path}': '/{segments[0]}' is managed by the engine and cannot be owned.");
            return null;
        }

        JsonTypeInfo? info = CanonicalJson.Options.GetTypeInfo(type);
        var node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            if (info is null || info.Kind != JsonTypeInfoKind.Object)
            {
                found.Add($"{type.Name} '{path}': '/{string.Join('/', segments[..i])}' is not an object; arrays and values are owned as a whole.");
                return null;
            }

            var property = FindProperty(info, segments[i]);
            if (property is null)
            {
                found.Add($"{type.Name} '{path}': the {CanonicalSchemaIds.GetSchemaName(type)} record has no field '/{string.Join('/', segments[..(i + 1)])}'.");
                return null;
            }

            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            info = i + 1 < segments.Length ? CanonicalJson.Options.GetTypeInfo(propertyType) : null;
            node = node.GetOrAddChild(segments[i]);
        }

        return node;
    }

    private static JsonPropertyInfo? FindProperty(JsonTypeInfo info, string name)
    {
        foreach (var property in info.Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    private OwnershipPolicyBuilder Set(Type type, string path, string? owner)
    {
        if (!entries.TryGetValue(type, out var fields))
        {
            fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            entries[type] = fields;
        }

        fields[path] = owner;
        return this;
    }
}
