namespace ProServ.Integration.Testing.Http;

/// <summary>Says what a <see cref="ScriptedResponse"/> makes the server do with one request.</summary>
public enum ScriptedStepKind
{
    /// <summary>Answer with a status code (and optional Retry-After and body) without recording the operation.</summary>
    Status = 0,

    /// <summary>Wait, then handle the request normally (record the operation and answer).</summary>
    Delay = 1,

    /// <summary>Never answer; the request ends when the client gives up or the server stops. Nothing is recorded.</summary>
    Hang = 2,

    /// <summary>Record the operation, then never answer: the write landed but the client never hears it.</summary>
    CommitThenHang = 3,

    /// <summary>Record the operation, then drop the connection: the write landed but the client sees a reset.</summary>
    DropAfterCommit = 4,

    /// <summary>Drop the connection without recording anything.</summary>
    DropBeforeCommit = 5,
}
