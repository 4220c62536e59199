using ProServ.Integration.Schemas.Validation.Engine.Keywords;

namespace ProServ.Integration.Schemas.Validation.Engine.SinglePass;

/// <summary>
/// Decides whether a compiled schema can be checked in one forward pass over the instance's tokens and builds the
/// plans for it. A schema qualifies when every schema object it reaches uses only keywords that look at a value once
/// (type, enum, const, format, pattern, lengths, numeric limits, properties, additionalProperties, required,
/// property and item counts, items, prefixItems, uniqueItems) and static <c>$ref</c>s, and each object or array is
/// reached by at most one <c>properties</c>/<c>items</c> applicator. Anything else (anyOf, oneOf, not, if, allOf,
/// contains, dependent*, propertyNames, patternProperties, unevaluated*, <c>$dynamicRef</c>) keeps the tree walk.
/// </summary>
internal static class StreamPlanner
{
    private const int MaxInlineDepth = 16;
    private const int MaxStepsPerContainer = 32;

    /// <summary>Plans <paramref name="root"/>; null when some part of the schema needs the tree walk.</summary>
    public static StreamPlan? TryPlan(SchemaNode root)
    {
        var planner = new Planner();
        var plan = planner.Build(root);
        return planner.Failed ? null : plan;
    }

    private sealed class Planner
    {
        private readonly Dictionary<SchemaNode, StreamPlan> _plans = new(ReferenceEqualityComparer.Instance);

        public bool Failed { get; private set; }

        public StreamPlan Build(SchemaNode node)
        {
            if (_plans.TryGetValue(node, out var existing))
            {
                return existing;
            }

            var plan = new StreamPlan();
            _plans.Add(node, plan);
            if (node.BooleanValue is bool b)
            {
                plan.Boolean = b;
                return plan;
            }

            var steps = new List<(Keyword Keyword, string[] Prefix)>();
            var chain = new List<SchemaNode>();
            Flatten(node, [], steps, chain);
            if (!Failed)
            {
                Fill(plan, steps);
            }

            return plan;
        }

        /// <summary>Lists the keywords of <paramref name="node"/> in schema order, with the targets of its <c>$ref</c>s inline where they stand.</summary>
        private void Flatten(SchemaNode node, string[] prefix, List<(Keyword, string[])> steps, List<SchemaNode> chain)
        {
            if (node.TracksEvaluated || chain.Count > MaxInlineDepth || chain.Contains(node))
            {
                Failed = true;
                return;
            }

            chain.Add(node);
            foreach (var keyword in node.Keywords)
            {
                if (keyword is RefKeyword reference)
                {
                    var target = reference.Target;
                    if (reference.IsDynamic || target is null || target.BooleanValue == false)
                    {
                        Failed = true;
                        return;
                    }

                    if (target.BooleanValue is null)
                    {
                        Flatten(target, [.. prefix, reference.Location], steps, chain);
                    }
                }
                else
                {
                    steps.Add((keyword, prefix));
                }
            }

            chain.RemoveAt(chain.Count - 1);
        }

        private void Fill(StreamPlan plan, List<(Keyword Keyword, string[] Prefix)> steps)
        {
            var strings = new List<StreamStep>();
            var numbers = new List<StreamStep>();
            var literals = new List<StreamStep>();
            var objectStart = new List<StreamStep>();
            var arrayStart = new List<StreamStep>();
            var objectEnd = new List<StreamStep>();
            var arrayEnd = new List<StreamStep>();
            for (var order = 0; order < steps.Count; order++)
            {
                var (keyword, prefix) = steps[order];
                var step = new StreamStep(keyword, prefix, order);
                switch (keyword)
                {
                    case TypeKeyword:
                        strings.Add(step);
                        numbers.Add(step);
                        literals.Add(step);
                        objectStart.Add(step);
                        arrayStart.Add(step);
                        break;
                    case EnumKeyword e when !e.HasContainerValues:
                        strings.Add(step);
                        numbers.Add(step);
                        literals.Add(step);
                        objectStart.Add(step);
                        arrayStart.Add(step);
                        break;
                    case FormatKeyword or PatternKeyword:
                        strings.Add(step);
                        break;
                    case NumericKeyword or NumericGroupKeyword:
                        numbers.Add(step);
                        break;
                    case CountKeyword count:
                        (count.Kind switch
                        {
                            System.Text.Json.JsonValueKind.String => strings,
                            System.Text.Json.JsonValueKind.Array => arrayEnd,
                            _ => objectEnd,
                        }).Add(step);
                        break;
                    case RequiredKeyword required when required.CanStream:
                        objectEnd.Add(step with { Slot = plan.RequiredCount++ });
                        break;
                    case UniqueItemsKeyword unique when plan.Unique is null:
                        plan.Unique = unique;
                        arrayEnd.Add(step);
                        break;
                    case PropertiesKeyword properties when plan.Properties is null && !properties.HasPatterns:
                        plan.Properties = step;
                        break;
                    case ItemsKeyword when plan.Items is null:
                        plan.Items = step;
                        break;
                    default:
                        Failed = true;
                        return;
                }
            }

            if (objectStart.Count + objectEnd.Count + 1 > MaxStepsPerContainer || arrayStart.Count + arrayEnd.Count + 1 > MaxStepsPerContainer)
            {
                Failed = true;
                return;
            }

            plan.StringSteps = [.. strings];
            plan.NumberSteps = [.. numbers];
            plan.LiteralSteps = [.. literals];
            plan.ObjectStartSteps = [.. objectStart];
            plan.ArrayStartSteps = [.. arrayStart];
            plan.ObjectEndSteps = [.. objectEnd];
            plan.ArrayEndSteps = [.. arrayEnd];
            plan.ObjectInOrder = InOrder(objectStart, plan.Properties, objectEnd);
            plan.ArrayInOrder = InOrder(arrayStart, plan.Items, arrayEnd);

            if (plan.PropertiesKeyword is { } props)
            {
                var children = new StreamPlan[props.Properties.Length];
                for (var i = 0; i < children.Length; i++)
                {
                    children[i] = Build(props.Properties[i].Schema);
                }

                plan.PropertyPlans = children;
                plan.PropertyPointers = new string[children.Length];
                for (var i = 0; i < children.Length; i++)
                {
                    // The keyword location is "/properties" followed by the name's escaped pointer segment.
                    plan.PropertyPointers[i] = props.Properties[i].Location["/properties".Length..];
                }

                var bits = new ulong[plan.RequiredCount][];
                foreach (var step in plan.ObjectEndSteps)
                {
                    if (step.Keyword is RequiredKeyword required)
                    {
                        bits[step.Slot] = new ulong[children.Length];
                        for (var i = 0; i < children.Length; i++)
                        {
                            var bit = required.Find(props.Properties[i].Utf8Name);
                            bits[step.Slot][i] = bit >= 0 ? 1UL << bit : 0;
                        }
                    }
                }

                plan.RequiredBitsByProperty = bits;
                plan.AdditionalPlan = props.Additional is null ? null : Build(props.Additional);
            }

            if (plan.ItemsKeyword is { } items)
            {
                var prefixPlans = new StreamPlan[items.Prefix.Length];
                for (var i = 0; i < prefixPlans.Length; i++)
                {
                    prefixPlans[i] = Build(items.Prefix[i]);
                }

                plan.PrefixPlans = prefixPlans;
                plan.ItemsPlan = items.Items is null ? null : Build(items.Items);
            }
        }

        /// <summary>Whether checking <paramref name="start"/>, then the members, then <paramref name="end"/> is already schema order.</summary>
        private static bool InOrder(List<StreamStep> start, StreamStep? members, List<StreamStep> end)
        {
            var last = -1;
            foreach (var step in start)
            {
                last = Math.Max(last, step.Order);
            }

            if (members is not null)
            {
                if (members.Order < last)
                {
                    return false;
                }

                last = members.Order;
            }

            foreach (var step in end)
            {
                if (step.Order < last)
                {
                    return false;
                }

                last = step.Order;
            }

            return true;
        }
    }
}
