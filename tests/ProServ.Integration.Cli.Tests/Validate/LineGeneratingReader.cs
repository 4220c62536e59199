using System.Globalization;

namespace ProServ.Integration.Cli.Tests.Validate;

/// <summary>Standard input that makes up JSON Lines one at a time, so the whole input never exists at once, and records
/// whether output had already been written when the last line was handed out (proof that results stream).</summary>
internal sealed class LineGeneratingReader : TextReader
{
    private readonly int _lineCount;
    private readonly Func<int, string> _line;
    private readonly StringWriter _output;
    private int _next = 1;

    public LineGeneratingReader(int lineCount, Func<int, string> line, StringWriter output)
    {
        _lineCount = lineCount;
        _line = line;
        _output = output;
    }

    public int LinesRead => _next - 1;

    public int OutputLengthWhenLastLineWasRead { get; private set; } = -1;

    public override string? ReadLine()
    {
        if (_next > _lineCount)
        {
            return null;
        }

        if (_next == _lineCount)
        {
            OutputLengthWhenLastLineWasRead = _output.GetStringBuilder().Length;
        }

        return _line(_next++);
    }

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());

    public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());

    public override string ReadToEnd() => throw new InvalidOperationException("JSON Lines input must be read line by line.");

    public override Task<string> ReadToEndAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("JSON Lines input must be read line by line.");

    public static string Hours(int value) => "{\"hours\":" + value.ToString(CultureInfo.InvariantCulture) + "}";
}
