namespace WorkflowHost.ReportingChains.Plans;

/// <summary>The period a review covers (mốc thời gian sơ kết), with the wording of the plan.</summary>
public sealed class ReviewPeriod
{
    private ReviewPeriod() { } // for EF

    public ReviewPeriod(DateOnly from, DateOnly to, string? text)
    {
        From = from;
        To = to;
        Text = text;
    }

    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    /// <summary>As written, e.g. "Từ tháng 7/2017 (từ khi có Chỉ thị số 14-CT/TW) đến hết tháng 7/2022".</summary>
    public string? Text { get; private set; }
}
