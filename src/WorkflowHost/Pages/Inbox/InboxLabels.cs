using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Inbox;

namespace WorkflowHost.Pages;

/// <summary>Vietnamese labels and local times of the inbox pages.</summary>
public static class InboxLabels
{
    public static string Of(InboxItemStatus status) => status switch
    {
        InboxItemStatus.Open => "Đang chờ xử lý",
        InboxItemStatus.Done => "Đã hoàn thành",
        InboxItemStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    /// <summary>An instant as people in Việt Nam read it: "dd/MM/yyyy HH:mm" in Asia/Ho_Chi_Minh; "—" when none.</summary>
    public static string LocalTime(DateTime? utc) =>
        utc is { } value
            ? VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc))).ToString("dd/MM/yyyy HH:mm")
            : "—";
}
