namespace WorkflowHost.ReportingChains.Reports;

/// <summary>Where one version of a report stands.</summary>
public enum ReportStatus
{
    /// <summary>Being drafted (dự thảo); the only status in which content changes.</summary>
    Draft,
    /// <summary>Submitted to the unit's collective for approval.</summary>
    Submitted,
    /// <summary>Passed by the collective (đã thông qua); on its way to the recipient via its body.</summary>
    Approved,
    /// <summary>Returned by the via body with reasons (bị trả lại); a new draft version follows it.</summary>
    Returned,
    /// <summary>Not passed by the collective; a new draft version follows it.</summary>
    Rejected,
    /// <summary>Acknowledged by the via body (đã tiếp nhận).</summary>
    Received,
}

public static class ReportStatusNames
{
    public static string Vietnamese(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "Dự thảo",
        ReportStatus.Submitted => "Đã trình tập thể",
        ReportStatus.Approved => "Đã thông qua",
        ReportStatus.Returned => "Bị trả lại",
        ReportStatus.Rejected => "Không được thông qua",
        ReportStatus.Received => "Đã tiếp nhận",
        _ => status.ToString(),
    };

    /// <summary>Approved and received versions are the ones a parent level may consolidate.</summary>
    public static bool IsAccepted(this ReportStatus status) =>
        status is ReportStatus.Approved or ReportStatus.Received;
}
