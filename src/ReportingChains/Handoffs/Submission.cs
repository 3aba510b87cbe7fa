namespace WorkflowHost.ReportingChains.Handoffs;

/// <summary>
/// Gửi báo cáo qua cơ quan đầu mối: one approved report version handed from a child unit to its parent, received by
/// the via body. Submitted → Acknowledged → Forwarded, or Submitted → Returned; a returned report comes back as a new
/// submission of a newer version linked to this one (<see cref="Resubmit"/>), so every version stays on record.
/// </summary>
public sealed class Submission
{
    private readonly List<string> _returnReasons = [];

    private Submission() { }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public int ReportVersion { get; private set; }
    public string FromUnitCode { get; private set; } = "";
    public string ToUnitCode { get; private set; } = "";
    public string ViaUnitCode { get; private set; } = "";

    /// <summary>1 for the first hand-off of the report, then 2, 3 … for each resubmission after a return.</summary>
    public int Attempt { get; private set; }
    public Guid? PreviousSubmissionId { get; private set; }
    public Guid? ResubmittedAsId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";

    /// <summary>The instant from which handing in is late (the resolved deadline); null when the plan sets none.</summary>
    public DateTimeOffset? Deadline { get; private set; }

    public SubmissionState State { get; private set; }

    public string? AcknowledgedBy { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? ReturnedBy { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public IReadOnlyList<string> ReturnReasons => _returnReasons;
    public string? ForwardedBy { get; private set; }
    public DateTimeOffset? ForwardedAt { get; private set; }

    public HandoffRoute Route => new(FromUnitCode, ToUnitCode, ViaUnitCode);

    /// <summary>Late when handed in at or after the deadline instant (the deadline is the first late instant).</summary>
    public Timeliness Timeliness => Deadline switch
    {
        null => Timeliness.NoDeadline,
        { } deadline when SubmittedAt >= deadline => Timeliness.Late,
        _ => Timeliness.OnTime,
    };

    public static Submission Submit(HandoffRoute route, Guid reportId, int reportVersion, string submittedBy,
        DateTimeOffset at, DateTimeOffset? deadline) =>
        Create(route, reportId, reportVersion, submittedBy, at, deadline, attempt: 1, previous: null);

    /// <summary>The via body confirms receipt.</summary>
    public void Acknowledge(string by, DateTimeOffset at)
    {
        EnsureState(SubmissionState.Submitted, "tiếp nhận", "acknowledge");
        AcknowledgedAt = EnsureActor(by, at);
        AcknowledgedBy = by;
        State = SubmissionState.Acknowledged;
    }

    /// <summary>Trả lại: the via body sends the report back with its reasons, before acknowledging it.</summary>
    public void Return(string by, DateTimeOffset at, IEnumerable<string> reasons)
    {
        EnsureState(SubmissionState.Submitted, "trả lại", "return");
        var cleaned = reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
        if (cleaned.Count == 0)
            throw new HandoffException("reasons", "Trả lại báo cáo phải nêu lý do.",
                $"Returning submission {Id} needs at least one reason.");
        ReturnedAt = EnsureActor(by, at);
        ReturnedBy = by;
        _returnReasons.AddRange(cleaned);
        State = SubmissionState.Returned;
    }

    /// <summary>The via body passes the acknowledged report to the parent's collective.</summary>
    public void Forward(string by, DateTimeOffset at)
    {
        EnsureState(SubmissionState.Acknowledged, "chuyển", "forward");
        ForwardedAt = EnsureActor(by, at);
        ForwardedBy = by;
        State = SubmissionState.Forwarded;
    }

    /// <summary>Hands in the revised, re-approved version after a return: a new submission linked to this one.
    /// The deadline stays the same unless the receiving level gives a new one.</summary>
    public Submission Resubmit(int revisedVersion, string submittedBy, DateTimeOffset at, DateTimeOffset? newDeadline = null)
    {
        EnsureState(SubmissionState.Returned, "gửi lại", "resubmit");
        if (ResubmittedAsId is not null)
            throw new HandoffException("submission", "Báo cáo bị trả lại này đã được gửi lại.",
                $"Submission {Id} was already resubmitted as {ResubmittedAsId}.");
        if (revisedVersion <= ReportVersion)
            throw new HandoffException("reportVersion",
                $"Phải gửi lại phiên bản đã chỉnh sửa (mới hơn phiên bản {ReportVersion}).",
                $"The resubmitted version {revisedVersion} must be newer than the returned version {ReportVersion}.");
        if (at.ToUniversalTime() < ReturnedAt)
            throw new HandoffException("at", "Không thể gửi lại trước khi báo cáo bị trả lại.",
                $"Resubmission at {at:O} is before the return at {ReturnedAt:O}.");

        var next = Create(Route, ReportId, revisedVersion, submittedBy, at, newDeadline ?? Deadline, Attempt + 1, this);
        ResubmittedAsId = next.Id;
        return next;
    }

    private static Submission Create(HandoffRoute route, Guid reportId, int reportVersion, string submittedBy,
        DateTimeOffset at, DateTimeOffset? deadline, int attempt, Submission? previous)
    {
        if (reportVersion < 1)
            throw new HandoffException("reportVersion", $"Số phiên bản báo cáo {reportVersion} không hợp lệ.",
                $"reportVersion {reportVersion} must be 1 or more.");
        if (string.IsNullOrWhiteSpace(submittedBy))
            throw new HandoffException("submittedBy", "Thiếu người gửi báo cáo.", "submittedBy is required.");
        return new Submission
        {
            Id = Guid.NewGuid(),
            ReportId = reportId,
            ReportVersion = reportVersion,
            FromUnitCode = route.FromUnitCode,
            ToUnitCode = route.ToUnitCode,
            ViaUnitCode = route.ViaUnitCode,
            Attempt = attempt,
            PreviousSubmissionId = previous?.Id,
            SubmittedAt = at.ToUniversalTime(),
            SubmittedBy = submittedBy,
            Deadline = deadline?.ToUniversalTime(),
            State = SubmissionState.Submitted,
        };
    }

    private void EnsureState(SubmissionState required, string vietnameseAction, string englishAction)
    {
        if (State != required)
            throw new HandoffException("state",
                $"Không thể {vietnameseAction} báo cáo đang ở trạng thái \"{Describe(State)}\".",
                $"Cannot {englishAction} submission {Id}: it is {State}, not {required}.");
    }

    private DateTimeOffset EnsureActor(string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(by))
            throw new HandoffException("by", "Thiếu người thực hiện.", "The acting user is required.");
        at = at.ToUniversalTime();
        if (at < SubmittedAt)
            throw new HandoffException("at", "Thời điểm xử lý không thể trước thời điểm gửi báo cáo.",
                $"{at:O} is before the submission at {SubmittedAt:O}.");
        return at;
    }

    private static string Describe(SubmissionState state) => state switch
    {
        SubmissionState.Submitted => "đã gửi",
        SubmissionState.Acknowledged => "đã tiếp nhận",
        SubmissionState.Returned => "đã trả lại",
        _ => "đã chuyển",
    };
}
