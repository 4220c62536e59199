using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>Writes a record's mapped values as canonical JSON along the pre-built writer tree, reporting required fields left without a value.</summary>
internal static class RecordWriter
{
    public static void WriteFields(Utf8JsonWriter writer, WriterNode[] fields, MappedValue[] values, string scopePointer, MappingRun run)
    {
        foreach (var node in fields)
        {
            if (node.Leaf >= 0)
            {
                var value = values[node.Leaf];
                if (!value.HasValue)
                {
                    if (node.Required && !value.IsFailed)
                    {
                        run.Error(MappingErrorCodes.MissingValue, scopePointer + node.SourceText,
                            $"'{node.TargetPath}' is required but the source has no value for it{(node.SourceText.Length > 0 ? " at " + node.SourceText : string.Empty)} and the rule has no default.");
                    }

                    continue;
                }

                writer.WritePropertyName(node.Name);
                WriteValue(writer, node, value, scopePointer, run);
                continue;
            }

            var any = false;
            foreach (var leaf in node.SubtreeLeaves)
            {
                any |= values[leaf].HasValue || values[leaf].IsFailed;
            }

            if (!any)
            {
                if (node.Required)
                {
                    run.Error(MappingErrorCodes.MissingValue, scopePointer, $"'{node.TargetPath}' is required but none of its fields has a value.");
                }

                continue;
            }

            writer.WriteStartObject(node.Name);
            WriteFields(writer, node.Children, values, scopePointer, run);
            writer.WriteEndObject();
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, WriterNode node, MappedValue value, string scopePointer, MappingRun run)
    {
        switch (value.Kind)
        {
            case TargetKind.String or TargetKind.Enum:
                writer.WriteStringValue(value.Text);
                break;
            case TargetKind.Integer or TargetKind.Number:
                writer.WriteNumberValue(value.Number);
                break;
            case TargetKind.Boolean:
                writer.WriteBooleanValue(value.Number != 0);
                break;
            case TargetKind.Date:
                writer.WriteStringValue(value.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TargetKind.DateTime:
                writer.WriteStringValue(value.Instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case TargetKind.Money:
                writer.WriteStartObject();
                writer.WriteString("amount"u8, value.Number.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("currency"u8, value.Currency.ToString());
                writer.WriteEndObject();
                break;
            case TargetKind.Currency:
                writer.WriteStringValue(value.Currency.ToString());
                break;
            case TargetKind.Uuid:
                writer.WriteStringValue(value.Id.ToString("D"));
                break;
            case TargetKind.Array when value.Nested is MappedValue[][] rows:
                writer.WriteStartArray();
                for (var i = 0; i < rows.Length; i++)
                {
                    writer.WriteStartObject();
                    WriteFields(writer, node.Items!.Fields, rows[i], scopePointer + node.SourceText + "/" + i.ToString(CultureInfo.InvariantCulture), run);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case TargetKind.Array when value.Nested is MappedValue[] items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, node, item, scopePointer, run);
                }

                writer.WriteEndArray();
                break;
            default:
                value.Raw.WriteTo(writer);
                break;
        }
    }
}
