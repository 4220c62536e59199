using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Cli;

/// <summary>Classifies the expected input failures (missing files, unreadable files, malformed JSON) and words them as one line.</summary>
internal static class InputErrors
{
    /// <summary>Gets a value indicating whether an exception is an expected failure to open or read a file named by the user.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for I/O, permission and invalid-path failures.</returns>
    public static bool IsFileError(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    /// <summary>Words a file failure.</summary>
    /// <param name="path">The path as typed.</param>
    /// <param name="exception">The failure.</param>
    /// <returns>The message, starting with the path.</returns>
    public static string Describe(string path, Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => $"{path}: file not found",
        UnauthorizedAccessException when Directory.Exists(path) => $"{path}: is a directory, not a file",
        ArgumentException when path.Length == 0 => "'': an empty path is not a file",
        _ => $"{path}: {exception.Message}",
    };

    /// <summary>Words malformed JSON with the 1-based line and the 1-based byte within that line.</summary>
    /// <param name="name">The file as typed.</param>
    /// <param name="exception">The reader's failure.</param>
    /// <returns>The message.</returns>
    public static string MalformedJson(string name, JsonException exception) =>
        MalformedJson(name, (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1);

    /// <summary>Words malformed JSON at a position.</summary>
    /// <param name="name">The file as typed.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="bytePosition">The 1-based byte within the line.</param>
    /// <returns>The message.</returns>
    public static string MalformedJson(string name, long line, long bytePosition) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: malformed JSON at line {line}, byte {bytePosition}");
}
