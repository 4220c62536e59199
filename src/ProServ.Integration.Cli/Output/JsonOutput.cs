using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProServ.Integration.Cli.Output;

/// <summary>Writes JSON documents with a reused <see cref="Utf8JsonWriter"/> and prints each as one line (or one indented block)
/// of a <see cref="TextWriter"/>. No reflection serialization.</summary>
internal sealed class JsonOutput : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly TextWriter _target;

    public JsonOutput(TextWriter target, bool indented)
    {
        _target = target;
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Indented = indented,
            // Output goes to a terminal or a file, never into HTML: keep non-ASCII text and '<', '>', '&' readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    /// <summary>Gets the writer of the current document.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Prints the document written so far as one line and starts a new document.</summary>
    public void Commit()
    {
        Writer.Flush();
        _target.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _buffer.ResetWrittenCount();
        Writer.Reset(_buffer);
    }

    /// <summary>Converts an enum member name to the camelCase used in JSON output.</summary>
    /// <param name="name">The member name.</param>
    /// <returns>The camelCase name.</returns>
    public static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    public void Dispose() => Writer.Dispose();
}
