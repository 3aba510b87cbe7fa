namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>Dates written the way the plans write them: "05/7/2014", "tháng 3/2019".</summary>
internal static class VietnameseDateText
{
    public static string Date(DateOnly date) => $"{date.Day:00}/{date.Month}/{date.Year}";

    public static string Month(int month, int year) => $"{month}/{year}";

    /// <summary>Full day for display: "29/09/2022".</summary>
    public static string Day(DateOnly date) => date.ToString("dd/MM/yyyy");
}
