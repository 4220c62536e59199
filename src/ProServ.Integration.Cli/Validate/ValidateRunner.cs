using System.Buffers;
using System.Text;
using System.Text.Json;
using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Cli.Validate;

/// <summary>Validates every input of one <c>proserv validate</c> run and works out the exit code.</summary>
/// <remarks>
/// A whole-document input is read at once (it is one instance). A JSON Lines input is read line by line, each line encoded
/// into one pooled buffer that is reused, so memory stays constant however large the input. Input errors of one file are
/// reported and the remaining files are still validated; the exit code is then 2.
/// </remarks>
internal sealed class ValidateRunner : IDisposable
{
    /// <summary>The name standard input is reported under.</summary>
    public const string StandardInputName = "<stdin>";

    private const int FileBufferSize = 64 * 1024;
    private const int InitialLineBufferSize = 4 * 1024;

    private readonly CliConsole _console;
    private readonly JsonSchema _schema;
    private readonly ValidateSettings _settings;
    private readonly ValidationReporter _reporter;
    private byte[] _lineBuffer;

    public ValidateRunner(CliConsole console, JsonSchema schema, ValidateSettings settings)
    {
        _console = console;
        _schema = schema;
        _settings = settings;
        _reporter = new ValidationReporter(console.Out, settings);
        _lineBuffer = ArrayPool<byte>.Shared.Rent(InitialLineBufferSize);
    }

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Validates every input in order.</summary>
    /// <param name="files">The inputs; <c>-</c> is standard input.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>2 when any input error occurred, otherwise 1 when any instance was invalid, otherwise 0.</returns>
    public async Task<int> RunAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        bool anyInvalid = false;
        bool anyInputError = false;
        foreach (string file in files)
        {
            InputOutcome outcome = _settings.JsonLines
                ? await ValidateLinesAsync(file, cancellationToken).ConfigureAwait(false)
                : await ValidateDocumentAsync(file, cancellationToken).ConfigureAwait(false);
            anyInvalid |= outcome == InputOutcome.Invalid;
            anyInputError |= outcome == InputOutcome.InputError;
        }

        return anyInputError ? ExitCodes.UsageOrInputError : anyInvalid ? ExitCodes.Failure : ExitCodes.Success;
    }

    public void Dispose()
    {
        _reporter.Dispose();
        ArrayPool<byte>.Shared.Return(_lineBuffer);
        _lineBuffer = [];
    }

    private static bool IsStandardInput(string file) => string.Equals(file, ValidateCommand.StandardInputArgument, StringComparison.Ordinal);

    private static bool IsMalformed(SchemaValidationResult result, out SchemaValidationError? malformed)
    {
        foreach (SchemaValidationError error in result.Errors)
        {
            if (string.Equals(error.Code, SchemaErrorCodes.MalformedJson, StringComparison.Ordinal))
            {
                malformed = error;
                return true;
            }
        }

        malformed = null;
        return false;
    }

    private async Task<InputOutcome> ValidateDocumentAsync(string file, CancellationToken cancellationToken)
    {
        bool isStandardInput = IsStandardInput(file);
        string name = isStandardInput ? StandardInputName : file;
        ReadOnlyMemory<byte> document;
        try
        {
            document = isStandardInput
                ? Encoding.UTF8.GetBytes(await _console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false))
                : await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (InputErrors.IsFileError(ex))
        {
            _console.WriteError(InputErrors.Describe(name, ex));
            return InputOutcome.InputError;
        }

        if (document.Span.StartsWith(Utf8ByteOrderMark))
        {
            document = document[Utf8ByteOrderMark.Length..];
        }

        SchemaValidationResult result = _schema.Validate(document, _settings.Mode);
        if (!result.IsValid && IsMalformed(result, out SchemaValidationError? malformed))
        {
            // A document that is not JSON is an input error, not an invalid instance.
            JsonException? failure = MalformedJsonLocator.Locate(document.Span);
            _console.WriteError(failure is null ? $"{name}: malformed JSON: {malformed!.Message}" : InputErrors.MalformedJson(name, failure));
            return InputOutcome.InputError;
        }

        _reporter.Report(name, line: null, result);
        return result.IsValid ? InputOutcome.Valid : InputOutcome.Invalid;
    }

    private async Task<InputOutcome> ValidateLinesAsync(string file, CancellationToken cancellationToken)
    {
        bool isStandardInput = IsStandardInput(file);
        string name = isStandardInput ? StandardInputName : file;
        TextReader reader;
        try
        {
            reader = isStandardInput
                ? _console.In
                : new StreamReader(
                    file,
                    Encoding.UTF8,
                    detectEncodingFromByteOrderMarks: true,
                    new FileStreamOptions
                    {
                        Mode = FileMode.Open,
                        Access = FileAccess.Read,
                        Share = FileShare.Read,
                        BufferSize = FileBufferSize,
                        Options = FileOptions.SequentialScan,
                    });
        }
        catch (Exception ex) when (InputErrors.IsFileError(ex))
        {
            _console.WriteError(InputErrors.Describe(name, ex));
            return InputOutcome.InputError;
        }

        bool anyInvalid = false;
        long lineNumber = 0;
        try
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                // A malformed line is an invalid instance (json.malformed, reported by the validator); the stream goes on.
                SchemaValidationResult result = _schema.Validate(Encode(line), _settings.Mode);
                anyInvalid |= !result.IsValid;
                _reporter.Report(name, lineNumber, result);
            }
        }
        catch (Exception ex) when (InputErrors.IsFileError(ex))
        {
            _console.WriteError(InputErrors.Describe(name, ex));
            return InputOutcome.InputError;
        }
        finally
        {
            if (!isStandardInput)
            {
                reader.Dispose();
            }
        }

        return anyInvalid ? InputOutcome.Invalid : InputOutcome.Valid;
    }

    private ReadOnlyMemory<byte> Encode(string line)
    {
        int maxBytes = Encoding.UTF8.GetMaxByteCount(line.Length);
        if (maxBytes > _lineBuffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_lineBuffer);
            _lineBuffer = ArrayPool<byte>.Shared.Rent(maxBytes);
        }

        int count = Encoding.UTF8.GetBytes(line, _lineBuffer);
        return _lineBuffer.AsMemory(0, count);
    }
}
