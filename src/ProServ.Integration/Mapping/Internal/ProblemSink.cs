namespace ProServ.Integration.Mapping.Internal;

/// <summary>Collects load-time problems with their file, line and column.</summary>
internal sealed class ProblemSink
{
    public List<MappingProblem> Problems { get; } = [];

    public void Add(MappingDocumentModel document, string pointer, string code, string message)
    {
        var (line, column) = document.Positions.Find(pointer);
        Problems.Add(new MappingProblem(document.File, line, column, pointer, code, message));
    }

    public void Add(string file, int line, int column, string pointer, string code, string message) =>
        Problems.Add(new MappingProblem(file, line, column, pointer, code, message));
}
