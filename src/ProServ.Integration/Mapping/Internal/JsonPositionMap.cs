using System.Text;
using System.Text.Json;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>Maps each JSON Pointer of a document to the line and column of its value, from one pass of <see cref="Utf8JsonReader"/>.</summary>
internal sealed class JsonPositionMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);
    private readonly List<int> _lineStarts = [0];

    private JsonPositionMap(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>Builds the map; on malformed JSON returns the map so far and the error position.</summary>
    public static JsonPositionMap Build(ReadOnlySpan<byte> utf8, out (int Line, int Column, string Message)? error)
    {
        var map = new JsonPositionMap(utf8);
        error = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        var stack = new List<(bool IsArray, int Index, string? Property)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        stack[^1] = (false, 0, reader.GetString());
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    default:
                        if (stack.Count > 0 && stack[^1].IsArray)
                        {
                            stack[^1] = (true, stack[^1].Index + 1, null);
                        }

                        map.Record(stack, checked((int)reader.TokenStartIndex));

                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            stack.Add((false, 0, null));
                        }
                        else if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            stack.Add((true, -1, null));
                        }

                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            error = (line, column, exception.Message);
        }

        return map;
    }

    /// <summary>Gets the position of the value at the pointer, or of its nearest ancestor that has one.</summary>
    public (int Line, int Column) Find(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return (0, 0);
            }

            current = current[..current.LastIndexOf('/')];
        }
    }

    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private void Record(List<(bool IsArray, int Index, string? Property)> stack, int offset)
    {
        var builder = new StringBuilder();
        foreach (var (isArray, index, property) in stack)
        {
            builder.Append('/');
            builder.Append(isArray ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : Escape(property ?? string.Empty));
        }

        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        _positions[builder.ToString()] = (line + 1, offset - _lineStarts[line] + 1);
    }
}
