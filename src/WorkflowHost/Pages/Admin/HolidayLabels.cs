using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.Pages;

/// <summary>Vietnamese labels of the calendar pages.</summary>
public static class HolidayLabels
{
    public static string Of(HolidayOverrideKind kind) => kind switch
    {
        HolidayOverrideKind.DayOff => "Ngày nghỉ",
        HolidayOverrideKind.WorkingDay => "Ngày làm việc",
        _ => kind.ToString(),
    };

    public static string Of(HolidayKind kind) => kind switch
    {
        HolidayKind.Statutory => "Nghỉ lễ theo luật",
        HolidayKind.Compensatory => "Nghỉ bù",
        HolidayKind.Announced => "Theo thông báo",
        _ => kind.ToString(),
    };

    public static string DayOfWeek(DateOnly date) => date.DayOfWeek switch
    {
        System.DayOfWeek.Monday => "Thứ Hai",
        System.DayOfWeek.Tuesday => "Thứ Ba",
        System.DayOfWeek.Wednesday => "Thứ Tư",
        System.DayOfWeek.Thursday => "Thứ Năm",
        System.DayOfWeek.Friday => "Thứ Sáu",
        System.DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };
}
