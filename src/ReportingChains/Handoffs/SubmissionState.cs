namespace WorkflowHost.ReportingChains.Handoffs;

public enum SubmissionState
{
    /// <summary>Đã gửi: waiting for the via body.</summary>
    Submitted,
    /// <summary>Đã tiếp nhận: the via body confirmed receipt.</summary>
    Acknowledged,
    /// <summary>Trả lại: the child revises, re-approves and resubmits as a new submission.</summary>
    Returned,
    /// <summary>Đã chuyển: the via body passed the report to the parent's collective.</summary>
    Forwarded,
}

public enum Timeliness
{
    NoDeadline,
    OnTime,
    Late,
}
