using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Plans.Json;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.ReportingChains.Tests.Reports;

internal static class TestPlans
{
    public static readonly DateTimeOffset Monday = new(2022, 9, 12, 9, 30, 0, TimeSpan.FromHours(7));

    /// <summary>A small plan: two required leaf sections, an optional one, counts, money, km, a % target, local indicators.</summary>
    public static PlanTemplate Small { get; } = Read("""
        {
          "id": "small", "issueDate": "2022-03-15", "issuingBody": "TU", "kind": "InterimReview", "subject": "Thử",
          "levels": [ { "key": "huyen", "name": "Cấp huyện", "recipient": "TU", "deadline": "trước ngày 30/9/2022",
                        "reportingUnits": [ { "mode": "ByKind", "kinds": ["DistrictCommittee"], "under": "TU" } ] } ],
          "outline": [
            { "number": "I", "title": "Lãnh đạo, chỉ đạo" },
            { "number": "II", "title": "Kết quả", "required": false, "children": [
              { "number": "II.1", "title": "Hỗ trợ nhà ở", "requiresStatistics": true } ] },
            { "number": "V", "title": "Kiến nghị (nếu có)", "required": false }
          ],
          "indicators": [
            { "code": "NHA", "name": "Tổng số căn", "unit": "căn", "kind": "Count", "amountCode": "NHA-TIEN" },
            { "code": "NHA-TIEN", "name": "Tổng số tiền", "unit": "đồng", "kind": "Amount" },
            { "code": "DUONG", "name": "Tổng số km", "unit": "km", "kind": "Count", "wholeNumbers": false }
          ],
          "localIndicators": { "allowed": true, "codePrefix": "DP-" },
          "targets": [ { "code": "MT-TYLE", "name": "Tỷ lệ xã làm tốt", "unit": "%", "comparison": "AtLeast", "value": 100, "year": 2030 } ]
        }
        """);

    public static PlanTemplate Read(string json)
    {
        var result = PlanTemplateReader.Read(json);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Template!;
    }

    public static ReportDraft Draft(
        (string Section, string Text)[]? sections = null,
        (string Code, decimal Value)[]? values = null,
        LocalIndicatorDefinition[]? locals = null) => new(
        (sections ?? []).ToDictionary(s => s.Section, s => s.Text),
        (values ?? []).ToDictionary(v => v.Code, v => v.Value),
        locals ?? []);

    /// <summary>A draft that satisfies every submission rule of <see cref="Small"/>.</summary>
    public static ReportDraft Complete(params (string Code, decimal Value)[] values) =>
        Draft([("I", "Đã quán triệt."), ("II.1", "Đã hỗ trợ.")], values);

    public static Report NewReport(string unit = "HU-BATXAT", string planId = "small") =>
        Report.Start(Guid.NewGuid(), planId, "wf-" + unit, unit, "huyen", "chuyenvien", Monday);

    /// <summary>A report whose version 1 is approved with the given values.</summary>
    public static Report Approved(string unit, params (string Code, decimal Value)[] values)
    {
        var report = NewReport(unit);
        Ok(report.SaveDraft(Small, Complete(values), "chuyenvien", Monday));
        Ok(report.Submit(Small, "chuyenvien", Monday));
        Ok(report.MarkApproved("bithu", Monday.AddDays(1)));
        return report;
    }

    public static void Ok(ReportResult result) =>
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Code}: {e.Message}")));
}
