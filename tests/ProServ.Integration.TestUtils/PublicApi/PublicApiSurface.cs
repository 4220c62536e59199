using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace ProServ.Integration.TestUtils.PublicApi;

/// <summary>
/// Describes the public surface of an assembly as stable, sorted text, and compares it with an approved file
/// checked in beside the test. An unreviewed change fails the test and writes a <c>.received.txt</c> file;
/// set <c>PROSERV_ACCEPT_PUBLIC_API=1</c> to accept the new surface after review.
/// </summary>
public static class PublicApiSurface
{
    private const BindingFlags DeclaredMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Describe(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var builder = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            builder.Append(DescribeType(type)).Append('\n');
            var members = new List<string>();
            foreach (var member in type.GetMembers(DeclaredMembers))
            {
                var text = DescribeMember(type, member);
                if (text is not null)
                {
                    members.Add(text);
                }
            }

            members.Sort(StringComparer.Ordinal);
            foreach (var member in members)
            {
                builder.Append("    ").Append(member).Append('\n');
            }
        }

        return builder.ToString();
    }

    public static void Verify(Assembly assembly, [CallerFilePath] string callerFilePath = "")
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var directory = Path.Combine(Path.GetDirectoryName(callerFilePath)!, "PublicApi");
        var name = assembly.GetName().Name;
        var approvedPath = Path.Combine(directory, name + ".approved.txt");
        var receivedPath = Path.Combine(directory, name + ".received.txt");
        var actual = Describe(assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (string.Equals(actual, approved, StringComparison.Ordinal))
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        Directory.CreateDirectory(directory);
        if (string.Equals(Environment.GetEnvironmentVariable("PROSERV_ACCEPT_PUBLIC_API"), "1", StringComparison.Ordinal))
        {
            File.WriteAllText(approvedPath, actual);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var expectedLines = approved.Split('\n').ToHashSet(StringComparer.Ordinal);
        var actualLines = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
        var added = actualLines.Where(l => !expectedLines.Contains(l)).Take(20);
        var removed = expectedLines.Where(l => !actualLines.Contains(l)).Take(20);
        throw new InvalidOperationException(
            $"The public API of {name} changed without review. Compare {receivedPath} with {approvedPath}; " +
            "if the change is deliberate, run the tests with PROSERV_ACCEPT_PUBLIC_API=1 and commit the approved file.\n" +
            "Added:\n  " + string.Join("\n  ", added) + "\nRemoved:\n  " + string.Join("\n  ", removed));
    }

    private static string DescribeType(Type type)
    {
        var kind = type.IsEnum ? "enum"
            : type.IsInterface ? "interface"
            : type.IsValueType ? (type.GetMethod("<Clone>$") is not null || IsRecordStruct(type) ? "record struct" : "struct")
            : type.GetMethod("<Clone>$") is not null ? "record"
            : type.IsSubclassOf(typeof(Delegate)) ? "delegate"
            : "class";
        var modifiers = new StringBuilder();
        if (type.IsClass && !type.IsSubclassOf(typeof(Delegate)))
        {
            if (type.IsAbstract && type.IsSealed)
            {
                modifiers.Append("static ");
            }
            else if (type.IsAbstract)
            {
                modifiers.Append("abstract ");
            }
            else if (type.IsSealed)
            {
                modifiers.Append("sealed ");
            }
        }

        if (type.IsValueType && type.IsDefined(typeof(IsReadOnlyAttribute), false))
        {
            modifiers.Append("readonly ");
        }

        var text = new StringBuilder().Append(modifiers).Append(kind).Append(' ').Append(TypeName(type));
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(TypeName(baseType));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(TypeName).Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            text.Append(" : ").Append(string.Join(", ", bases));
        }

        return text.ToString();
    }

    private static bool IsRecordStruct(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static string? DescribeMember(Type owner, MemberInfo member)
    {
        switch (member)
        {
            case ConstructorInfo ctor when IsVisible(ctor):
                return $"{Access(ctor)}{(ctor.IsStatic ? "static " : string.Empty)}.ctor({Parameters(ctor.GetParameters())})";
            case MethodInfo method when IsVisible(method) && !method.IsSpecialName && !method.Name.Contains('<', StringComparison.Ordinal):
                return $"{Access(method)}{Modifiers(method)}{TypeName(method.ReturnType)} {method.Name}{GenericArguments(method)}({Parameters(method.GetParameters())})";
            case MethodInfo op when IsVisible(op) && op.IsSpecialName && op.Name.StartsWith("op_", StringComparison.Ordinal):
                return $"{Access(op)}static {TypeName(op.ReturnType)} {op.Name}({Parameters(op.GetParameters())})";
            case PropertyInfo property:
                var getter = property.GetMethod is { } g && IsVisible(g) ? "get; " : string.Empty;
                var setter = property.SetMethod is { } s && IsVisible(s)
                    ? (s.ReturnParameter.GetRequiredCustomModifiers().Any(m => m == typeof(IsExternalInit)) ? "init; " : "set; ")
                    : string.Empty;
                if (getter.Length == 0 && setter.Length == 0)
                {
                    return null;
                }

                var accessor = property.GetMethod ?? property.SetMethod!;
                var index = property.GetIndexParameters();
                var name = index.Length == 0 ? property.Name : $"this[{Parameters(index)}]";
                var required = property.IsDefined(typeof(RequiredMemberAttribute), false) ? "required " : string.Empty;
                return $"{Access(accessor)}{required}{Modifiers(accessor)}{TypeName(property.PropertyType)} {name} {{ {getter}{setter}}}";
            case FieldInfo field when owner.IsEnum && field.IsStatic:
                return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            case FieldInfo field when (field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly) && !owner.IsEnum:
                var constant = field.IsLiteral ? $"const {TypeName(field.FieldType)} {field.Name} = {field.GetRawConstantValue()}" : null;
                return constant is not null
                    ? $"{(field.IsPublic ? "public " : "protected ")}{constant}"
                    : $"{(field.IsPublic ? "public " : "protected ")}{(field.IsStatic ? "static " : string.Empty)}{(field.IsInitOnly ? "readonly " : string.Empty)}{TypeName(field.FieldType)} {field.Name}";
            case EventInfo evt when evt.AddMethod is { } add && IsVisible(add):
                return $"{Access(add)}event {TypeName(evt.EventHandlerType!)} {evt.Name}";
            default:
                return null;
        }
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return method.IsAbstract ? "static abstract " : "static ";
        }

        if (method.IsAbstract)
        {
            return method.DeclaringType!.IsInterface ? string.Empty : "abstract ";
        }

        if (method.IsVirtual && !method.IsFinal)
        {
            return method.GetBaseDefinition() != method ? "override " : "virtual ";
        }

        return method.IsVirtual && method.GetBaseDefinition() != method ? "override " : string.Empty;
    }

    private static string GenericArguments(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(ParameterInfo[] parameters) =>
        string.Join(", ", parameters.Select(p =>
        {
            var prefix = p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : string.Empty;
            var type = p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType;
            var defaultValue = p.HasDefaultValue ? " = " + (p.DefaultValue?.ToString() ?? "null") : string.Empty;
            var isParams = p.IsDefined(typeof(ParamArrayAttribute), false) ? "params " : string.Empty;
            return $"{isParams}{prefix}{TypeName(type)} {p.Name}{defaultValue}";
        }));

    private static string TypeName(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (type.IsPointer || type.IsByRef)
        {
            return TypeName(type.GetElementType()!) + (type.IsPointer ? "*" : "&");
        }

        var name = type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var bare = tick < 0 ? name : name[..tick];
        return bare + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }
}
