using System.Globalization;
using System.Text.Json;
using ProServ.Integration.Cli.Output;
using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Cli.Validate;

/// <summary>Prints one validation result per instance, as text or as one JSON object per line.</summary>
internal sealed class ValidationReporter : IDisposable
{
    private const string Indent = "  ";
    private readonly TextWriter _output;
    private readonly bool _quiet;
    private readonly JsonOutput? _json;

    public ValidationReporter(TextWriter output, ValidateSettings settings)
    {
        _output = output;
        _quiet = settings.Quiet;
        _json = settings.Format == OutputFormat.Json ? new JsonOutput(output, indented: false) : null;
    }

    /// <summary>Prints a result, unless it is valid and the output is quiet.</summary>
    /// <param name="file">The input's display name.</param>
    /// <param name="line">The 1-based line under JSON Lines, otherwise <see langword="null"/>.</param>
    /// <param name="result">The result.</param>
    public void Report(string file, long? line, SchemaValidationResult result)
    {
        if (_quiet && result.IsValid)
        {
            return;
        }

        if (_json is not null)
        {
            WriteJson(_json, file, line, result);
        }
        else
        {
            WriteText(file, line, result);
        }
    }

    public void Dispose() => _json?.Dispose();

    private static void WriteJson(JsonOutput output, string file, long? line, SchemaValidationResult result)
    {
        Utf8JsonWriter writer = output.Writer;
        writer.WriteStartObject();
        writer.WriteString("file", file);
        if (line is { } lineNumber)
        {
            writer.WriteNumber("line", lineNumber);
        }

        writer.WriteBoolean("valid", result.IsValid);
        writer.WriteStartArray("errors");
        foreach (SchemaValidationError error in result.Errors)
        {
            writer.WriteStartObject();
            writer.WriteString("code", error.Code);
            writer.WriteString("instanceLocation", error.InstanceLocation);
            writer.WriteString("keywordLocation", error.KeywordLocation);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        output.Commit();
    }

    private void WriteText(string file, long? line, SchemaValidationResult result)
    {
        _output.Write(file);
        if (line is { } lineNumber)
        {
            _output.Write(':');
            _output.Write(lineNumber.ToString(CultureInfo.InvariantCulture));
        }

        _output.WriteLine(result.IsValid ? ": valid" : ": invalid");
        foreach (SchemaValidationError error in result.Errors)
        {
            _output.Write(Indent);
            _output.Write(error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation);
            _output.Write(": ");
            _output.Write(error.Message);
            if (error.KeywordLocation.Length == 0)
            {
                _output.WriteLine();
                continue;
            }

            _output.Write(" (");
            _output.Write(error.KeywordLocation);
            _output.WriteLine(')');
        }
    }
}
