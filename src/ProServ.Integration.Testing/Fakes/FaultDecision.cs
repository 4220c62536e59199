using System.Net;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Testing.Fakes;

[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
internal readonly record struct FaultDecision(FaultDecisionKind Kind, int StatusCode, TimeSpan? RetryAfter, TimeSpan Delay)
{
    public static FaultDecision None => default;

    public static FaultDecision Status(HttpStatusCode status, TimeSpan? retryAfter) => new(FaultDecisionKind.Status, (int)status, retryAfter, TimeSpan.Zero);

    public static FaultDecision FromScript(ScriptedResponse step) => step.Kind switch
    {
        ScriptedStepKind.Status => new(FaultDecisionKind.Status, (int)step.StatusCode, step.RetryAfter, TimeSpan.Zero),
        ScriptedStepKind.Delay => new(FaultDecisionKind.Delay, 0, null, step.Wait),
        ScriptedStepKind.Hang => new(FaultDecisionKind.Hang, 0, null, TimeSpan.Zero),
        ScriptedStepKind.CommitThenHang => new(FaultDecisionKind.CommitThenHang, 0, null, TimeSpan.Zero),
        ScriptedStepKind.DropAfterCommit => new(FaultDecisionKind.DropAfterCommit, 0, null, TimeSpan.Zero),
        ScriptedStepKind.DropBeforeCommit => new(FaultDecisionKind.DropBeforeCommit, 0, null, TimeSpan.Zero),
        _ => None,
    };
}
