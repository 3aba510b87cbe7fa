using WorkflowHost.ReportingChains.Plans;

namespace WorkflowHost.ReportingChains.Reports;

/// <summary>
/// One unit's report for one plan run: its versions from the first draft through approval by the unit's collective
/// and receipt (or return) by the via body. Operations never throw for a user's mistake; they return a
/// <see cref="ReportResult"/> and leave the report unchanged when it fails.
/// </summary>
public sealed class Report
{
    private List<ReportVersion> _versions = [];

    private Report() { } // for EF

    private Report(Guid id, string planId, string workflowInstanceId, string unitCode, string levelKey)
    {
        Id = id;
        PlanId = planId;
        WorkflowInstanceId = workflowInstanceId;
        UnitCode = unitCode;
        LevelKey = levelKey;
    }

    public Guid Id { get; private set; }

    /// <summary>The <see cref="PlanTemplate.Id"/> whose outline and indicators the report follows.</summary>
    public string PlanId { get; private set; } = "";

    /// <summary>The workflow instance (the unit's chain) the report belongs to.</summary>
    public string WorkflowInstanceId { get; private set; } = "";

    public string UnitCode { get; private set; } = "";

    /// <summary>The <see cref="LevelProvision.Key"/> the unit reports at.</summary>
    public string LevelKey { get; private set; } = "";

    public IReadOnlyList<ReportVersion> Versions => _versions;

    public ReportVersion Current => _versions[^1];

    /// <summary>The latest version approved by the collective or received by the via body, if any.</summary>
    public ReportVersion? LatestAccepted => _versions.LastOrDefault(v => v.Status.IsAccepted());

    /// <summary>The comments that sent the current draft back (the collective's or the via body's), if any.</summary>
    public IReadOnlyList<ReportComment> ReasonsToRevise =>
        Current.BasedOn is { } previous
            ? _versions.Single(v => v.Number == previous).Comments
                .Where(c => c.Kind is ReportCommentKind.Rejection or ReportCommentKind.Return).ToList()
            : [];

    public static Report Start(Guid id, string planId, string workflowInstanceId, string unitCode, string levelKey,
        string startedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentException.ThrowIfNullOrWhiteSpace(unitCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(levelKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(startedBy);
        var report = new Report(id, planId, workflowInstanceId, unitCode, levelKey);
        report._versions.Add(new ReportVersion(1, null, startedBy, at.UtcDateTime));
        return report;
    }

    /// <summary>Replaces the current draft's content. Repeatable; incomplete content is fine until submission.</summary>
    public ReportResult SaveDraft(PlanTemplate template, ReportDraft draft, string by, DateTimeOffset at)
    {
        var refused = Refuse("lưu dự thảo", by, ReportStatus.Draft) ?? WrongPlan(template);
        if (refused is not null) return refused;
        var errors = ReportContentRules.CheckStructure(template, draft);
        if (errors.Count > 0) return ReportResult.Fail(errors);
        Current.ReplaceContent(draft, by, at.UtcDateTime);
        return ReportResult.Ok();
    }

    /// <summary>
    /// Records the children's approved totals in the current draft (see <see cref="Consolidation.ReportConsolidator"/>): each indicator's
    /// sum, pre-filled as the unit's own value unless the drafter has set a different one, and the children's local
    /// indicators the draft does not have yet.
    /// </summary>
    public ReportResult ApplyChildrenTotals(PlanTemplate template, ChildrenTotals totals, string by, DateTimeOffset at)
    {
        var refused = Refuse("cập nhật số liệu tổng hợp vào", by, ReportStatus.Draft) ?? WrongPlan(template);
        if (refused is not null) return refused;
        var newLocals = totals.LocalIndicators
            .Where(l => Current.LocalIndicators.All(c => c.Code != l.Code)).ToList();
        var current = Current.ToDraft();
        var errors = ReportContentRules.CheckStructure(template,
            current with { LocalIndicators = [.. current.LocalIndicators, .. newLocals], IndicatorValues = totals.Sums });
        if (errors.Count > 0) return ReportResult.Fail(errors);
        Current.AddMissingLocalIndicators(newLocals);
        Current.ApplyChildrenSums(totals.Sums, by, at.UtcDateTime);
        return ReportResult.Ok();
    }

    /// <summary>Submits the draft to the unit's collective, if it is complete and its figures make sense.</summary>
    public ReportResult Submit(PlanTemplate template, string by, DateTimeOffset at)
    {
        var refused = Refuse("trình", by, ReportStatus.Draft) ?? WrongPlan(template);
        if (refused is not null) return refused;
        var errors = ReportContentRules.CheckForSubmission(template, Current.ToDraft());
        if (errors.Count > 0) return ReportResult.Fail(errors);
        Current.ChangeStatus(ReportStatus.Submitted, by, at.UtcDateTime);
        return ReportResult.Ok();
    }

    /// <summary>The collective passed the submitted version.</summary>
    public ReportResult MarkApproved(string by, DateTimeOffset at, string? comment = null)
    {
        var refused = Refuse("ghi nhận thông qua", by, ReportStatus.Submitted);
        if (refused is not null) return refused;
        if (!string.IsNullOrWhiteSpace(comment)) Current.AddComment(ReportCommentKind.Approval, by, at.UtcDateTime, comment);
        Current.ChangeStatus(ReportStatus.Approved, by, at.UtcDateTime);
        return ReportResult.Ok();
    }

    /// <summary>The collective did not pass it: the version keeps its content and comments, a new draft continues it.</summary>
    public ReportResult MarkRejected(string by, DateTimeOffset at, IReadOnlyList<string> comments) =>
        CloseAndContinue("ghi nhận không thông qua", ReportStatus.Submitted, ReportStatus.Rejected,
            ReportCommentKind.Rejection, "Cần nêu ý kiến của tập thể khi không thông qua báo cáo.", by, at, comments);

    /// <summary>The via body returns the approved report with reasons (trả lại); the unit revises a new draft.</summary>
    public ReportResult Return(string by, DateTimeOffset at, IReadOnlyList<string> reasons) =>
        CloseAndContinue("trả lại", ReportStatus.Approved, ReportStatus.Returned,
            ReportCommentKind.Return, "Cần nêu lý do trả lại báo cáo.", by, at, reasons);

    /// <summary>The via body acknowledges receipt of the approved report.</summary>
    public ReportResult MarkReceived(string by, DateTimeOffset at, string? comment = null)
    {
        var refused = Refuse("tiếp nhận", by, ReportStatus.Approved);
        if (refused is not null) return refused;
        if (!string.IsNullOrWhiteSpace(comment)) Current.AddComment(ReportCommentKind.Receipt, by, at.UtcDateTime, comment);
        Current.ChangeStatus(ReportStatus.Received, by, at.UtcDateTime);
        return ReportResult.Ok();
    }

    /// <summary>A note on the current version, in any status.</summary>
    public ReportResult AddNote(string by, DateTimeOffset at, string text)
    {
        if (string.IsNullOrWhiteSpace(by)) return ActorMissing();
        if (string.IsNullOrWhiteSpace(text))
            return ReportResult.Fail(new ReportError(ReportError.ReasonsRequired, "Ghi chú không được để trống.", "text"));
        Current.AddComment(ReportCommentKind.Note, by, at.UtcDateTime, text);
        return ReportResult.Ok();
    }

    private ReportResult CloseAndContinue(string action, ReportStatus from, ReportStatus to, ReportCommentKind kind,
        string reasonsMissing, string by, DateTimeOffset at, IReadOnlyList<string> reasons)
    {
        var refused = Refuse(action, by, from);
        if (refused is not null) return refused;
        var given = reasons.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (given.Count == 0)
            return ReportResult.Fail(new ReportError(ReportError.ReasonsRequired, reasonsMissing, "reasons"));
        var closed = Current;
        foreach (var reason in given) closed.AddComment(kind, by, at.UtcDateTime, reason);
        closed.ChangeStatus(to, by, at.UtcDateTime);
        _versions.Add(closed.ContinueAsDraft(_versions.Count + 1, by, at.UtcDateTime));
        return ReportResult.Ok();
    }

    private ReportResult? Refuse(string action, string by, ReportStatus expected)
    {
        if (string.IsNullOrWhiteSpace(by)) return ActorMissing();
        if (Current.Status == expected) return null;
        return ReportResult.Fail(new ReportError(ReportError.InvalidTransition,
            $"Không thể {action} báo cáo phiên bản {Current.Number} đang ở trạng thái “{ReportStatusNames.Vietnamese(Current.Status)}” " +
            $"(cần ở trạng thái “{ReportStatusNames.Vietnamese(expected)}”).", "status"));
    }

    private ReportResult? WrongPlan(PlanTemplate template) =>
        template.Id == PlanId
            ? null
            : ReportResult.Fail(new ReportError(ReportError.PlanMismatch,
                $"Báo cáo thuộc kế hoạch “{PlanId}”, không dùng đề cương của kế hoạch “{template.Id}”.", "planId"));

    private static ReportResult ActorMissing() =>
        ReportResult.Fail(new ReportError(ReportError.ActorRequired, "Thiếu người thực hiện thao tác.", "by"));
}
