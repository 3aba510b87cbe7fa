namespace WorkflowHost.ReportingChains.Reminders;

/// <summary>The Vietnamese wording of reminders and escalations.</summary>
public static class ReminderText
{
    /// <summary>
    /// Before the last day: "Nhắc việc: còn 3 ngày đến hạn gửi báo cáo sơ kết … (hạn: 30/9/2022)."; on it: "Nhắc việc:
    /// hôm nay là hạn cuối gửi …"; after it: "Đôn đốc: đã quá hạn 1 ngày, Huyện ủy Bát Xát chưa gửi …".
    /// </summary>
    public static string Reminder(int offsetDays, bool inWorkingDays, string unitName, string subject, string deadlineLabel)
    {
        string days = $"{Math.Abs(offsetDays)} ngày{(inWorkingDays ? " làm việc" : "")}";
        return offsetDays switch
        {
            < 0 => $"Nhắc việc: còn {days} đến hạn gửi {subject} (hạn: {deadlineLabel}).",
            0 => $"Nhắc việc: hôm nay là hạn cuối gửi {subject} (hạn: {deadlineLabel}).",
            _ => $"Đôn đốc: đã quá hạn {days}, {unitName} chưa gửi {subject} (hạn: {deadlineLabel}).",
        };
    }

    public static string EscalationTitle(string laggardUnitName) => $"Đôn đốc đơn vị {laggardUnitName}";

    public static string EscalationDescription(string laggardUnitName, string subject, string deadlineLabel) =>
        $"{laggardUnitName} chưa gửi {subject} (hạn: {deadlineLabel}). Đề nghị đôn đốc đơn vị gửi báo cáo.";

    public const string ClosedBecauseSubmitted = "Đơn vị đã gửi báo cáo.";
}
