namespace ProServ.Integration.Testing.Fakes;

internal enum FaultDecisionKind
{
    None,
    Status,
    Delay,
    Hang,
    DropBeforeCommit,
    DropAfterCommit,
    CommitThenHang,
}
