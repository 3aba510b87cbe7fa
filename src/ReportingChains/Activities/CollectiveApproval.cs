using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Organisation;
using WorkflowHost.Workflows.Activities;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;

namespace WorkflowHost.ReportingChains.Activities;

/// <summary>
/// Thông qua tập thể: the collective of the unit (its members valid on the day the vote opens) votes on the unit's
/// report, one ballot task <c>WorkflowHost.CastVote</c> per eligible voter. The vote is counted by the domain
/// (<see cref="VoteSession"/>): the activity keeps the accepted ballots in its own state and replays them on a session
/// each time, so the outcome is the domain's; the stored session is written by <see cref="Approvals.VoteSessionHandlers"/>
/// from the same notifications. Voting ends as soon as the rule is decided, or at the optional deadline (a durable
/// timer), when the ballot tasks still open are closed.
/// </summary>
/// <remarks>
/// A ballot task stays open after its member voted, until voting ends: the member may change the vote (the change is
/// recorded), and an identical repeat counts once. An answer given through the inbox by anyone but the task's member
/// (<c>completedBy</c>) is refused and the task stays open. Voting that closes at the deadline without a quorum is
/// <see cref="ApprovalOutcome.NotDecided"/>: neither approved nor rejected, the report stays submitted and the workflow
/// decides what next through the <c>NotDecided</c> port (e.g. a new vote).
/// </remarks>
[Activity(ChainActivity.Namespace, ChainActivity.Category,
    "Tập thể (ban thường vụ, đảng ủy, chi bộ…) của đơn vị biểu quyết đồng ý / không đồng ý / không biểu quyết đối với báo cáo, kèm ý kiến; " +
    "quy tắc: quá bán tổng số với tối thiểu 2/3 tham gia (mặc định), nhất trí, hoặc thủ trưởng quyết định. Kết thúc khi đủ để quyết định " +
    "hoặc đến hạn biểu quyết; ghi biên bản (kết quả, người ký T/M).",
    DisplayName = "Thông qua tập thể", Kind = ActivityKind.Task)]
[FlowNode(ApprovedOutcome, RejectedOutcome, NotDecidedOutcome)]
public sealed class CollectiveApproval : Activity
{
    public const string ApprovedOutcome = "Approved";
    public const string RejectedOutcome = "Rejected";
    /// <summary>Voting closed at the deadline without a quorum (<see cref="ApprovalOutcome.NotDecided"/>).</summary>
    public const string NotDecidedOutcome = "NotDecided";
    /// <summary>The ballot task's name (inbox form <c>Forms/_CastVote.cshtml</c>).</summary>
    public const string TaskName = "WorkflowHost.CastVote";
    public const string DeadlineBookmark = "WorkflowHost.VoteDeadline";

    private static readonly JsonSerializerOptions StateJson = ApprovalRuleJson.Options;

    [Input(DisplayName = "Mã kế hoạch", Order = 1, Description = "Để trống: đầu vào \"planId\" của quy trình.")]
    public Input<string> PlanId { get; } = new();

    [Input(DisplayName = "Cấp báo cáo", Order = 2,
        Description = "Mã cấp trong kế hoạch (ví dụ \"huyen\"): cấp không yêu cầu thông qua tập thể thì thủ trưởng quyết định. Để trống: đầu vào \"levelKey\".")]
    public Input<string> Level { get; } = new();

    [Input(DisplayName = "Đơn vị có báo cáo", Order = 3, Description = "Để trống: đơn vị đang chạy quy trình (\"unitCode\").")]
    public Input<string> UnitCode { get; } = new();

    [Input(DisplayName = "Tập thể biểu quyết", Order = 4,
        Description = "Mã đơn vị có tập thể biểu quyết (thành viên còn hiệu lực vào ngày mở biểu quyết). Để trống: đơn vị có báo cáo.")]
    public Input<string> Collective { get; } = new();

    [Input(DisplayName = "Quy tắc thông qua", Order = 5,
        Description = "party (quá bán tổng số, tối thiểu 2/3 tham gia), unanimity (nhất trí), head (thủ trưởng quyết định) hoặc JSON như " +
                      "{\"kind\":\"partyMajority\",\"quorumAtLeast\":\"3/4\",\"approvalMoreThan\":\"1/2\"}. Để trống: party, hoặc head nếu cấp không yêu cầu thông qua tập thể.")]
    public Input<string> Rule { get; } = new();

    [Input(DisplayName = "Hạn biểu quyết", UIHint = "singleline", TypeName = "Object", Order = 6,
        Description = "Không bắt buộc. Cụm từ (\"trước ngày 20/9/2022\"), quy tắc JSON hoặc kết quả của \"Thời hạn\". Đến hạn thì kết thúc biểu quyết.")]
    public Input<JsonNode> Deadline { get; } = new();

    [Input(DisplayName = "Tên tập thể trong biên bản", Order = 7,
        Description = "Dòng \"T/M …\" của biên bản, ví dụ \"Ban Thường vụ\". Để trống: Ban Thường vụ nếu có, nếu không thì tên đơn vị.")]
    public Input<string> CollectiveTitle { get; } = new();

    [Input(DisplayName = "Mã báo cáo", Order = 8, Description = "Để trống: báo cáo của đơn vị trong quy trình này (do \"Xây dựng báo cáo\" mở).")]
    public Input<string> ReportId { get; } = new();

    [Input(DisplayName = "Phiên bản báo cáo", Order = 9, Description = "Để trống (0): phiên bản hiện tại của báo cáo.")]
    public Input<int> ReportVersion { get; } = new();

    [Output(DisplayName = "Kết quả", Description = "Approved, Rejected hoặc NotDecided.")]
    public Output<string> Outcome { get; } = new();

    [Output(DisplayName = "Kết quả kiểm phiếu", TypeName = "Object", Description = "{eligible, agree, disagree, abstain, participated, text}")]
    public Output<JsonObject> Tally { get; } = new();

    [Output(DisplayName = "Biên bản", TypeName = "Object", Description = "Khi thông qua: kết quả, quy tắc, khối chữ ký (T/M, K/T, chức danh, họ tên).")]
    public Output<JsonObject> Minutes { get; } = new();

    [Output(DisplayName = "Ý kiến", Description = "\"Họ tên: ý kiến\" của các thành viên, để soạn lại khi không thông qua.")]
    public Output<string[]> Comments { get; } = new();

    [Output(DisplayName = "Mã phiên biểu quyết")]
    public Output<string> SessionId { get; } = new();

    [Output(DisplayName = "Lý do từ chối phiếu gần nhất")]
    public Output<string> Error { get; } = new();

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var scope = await PlanLevelContext.ReadAsync(context, PlanId, Level);
        var unitCode = context.RequireText(UnitCode, ChainInputs.UnitCode);
        var collectiveUnit = context.GetText(Collective) ?? unitCode;
        var rule = ReadRule(context, scope);
        var report = await ReportUnderWork.ReadAsync(context, ReportId, ReportVersion, scope.PlanId, unitCode);
        var deadline = ChainContextExtensions.IsEmpty(context.Get(Deadline))
            ? null
            : await context.ResolveConcreteAsync(context.Get(Deadline), Deadline.Name, await context.DeadlineFromAboveAsync());

        var day = VietnamTime.DateOf(context.UtcNow);
        var organisation = context.Services.GetRequiredService<IOrganisationQueries>();
        var unit = await organisation.FindUnitAsync(collectiveUnit, day, context.CancellationToken);
        var memberships = await organisation.CollectiveAsync(collectiveUnit, day, context.CancellationToken);
        var collective = memberships.Select(ToCollectiveMember).ToList();
        var title = context.GetText(CollectiveTitle)
                    ?? (memberships.Any(m => m.Role == MemberRole.StandingCommitteeMember) ? VoteSession.DefaultCollectiveTitle : unit?.ShortName ?? collectiveUnit);

        var state = new JsonObject
        {
            ["sessionId"] = Guid.NewGuid().ToString(), ["reportId"] = report.Id.ToString(), ["reportVersion"] = report.Version,
            ["unitCode"] = unitCode, ["collectiveUnitCode"] = collectiveUnit, ["planId"] = scope.PlanId,
            ["rule"] = ApprovalRuleJson.Serialize(rule), ["collectiveTitle"] = title, ["openedAt"] = context.UtcNow.ToString("O"),
            ["deadline"] = deadline?.DueUtc.ToString("O"),
            ["collective"] = JsonSerializer.SerializeToNode(collective, StateJson), ["tasks"] = new JsonObject(), ["ballots"] = new JsonArray(),
        };
        VoteSession session;
        try
        {
            session = Replay(state);
        }
        catch (ApprovalException e)
        {
            var field = e.Field == "collective" ? Collective.Name : e.Field == "deadline" ? Deadline.Name : Rule.Name;
            throw new ActivityInputException(field, $"{field}: {e.VietnameseMessage}", $"{field}: {e.Message}");
        }

        var unitName = unit?.Name ?? collectiveUnit;
        var tasks = session.Voters.Select(voter => new VoteTask(HumanTasks.Request(context, TaskName, new JsonObject
        {
            ["kind"] = InboxItemKinds.Vote, ["unitCode"] = collectiveUnit, ["role"] = "member",
            ["assignees"] = new JsonArray(voter.UserName is null ? [] : [(JsonNode)voter.UserName]),
            ["title"] = $"Biểu quyết thông qua báo cáo — {unitName}",
            ["description"] = $"{voter.PersonName}: biểu quyết đồng ý, không đồng ý hoặc không biểu quyết. {rule.Describe()}." +
                              (deadline is null ? "" : $" Hạn biểu quyết: {deadline.DisplayText}."),
            ["dueAt"] = deadline?.DueUtc.ToString("O"),
            ["sessionId"] = session.Id.ToString(), ["reportId"] = report.Id.ToString(), ["reportVersion"] = report.Version,
            ["planId"] = scope.PlanId, ["reportUnitCode"] = unitCode, ["memberKey"] = voter.MemberKey, ["personName"] = voter.PersonName,
            ["rule"] = rule.Describe(), ["eligible"] = session.Voters.Count,
        }), voter.MemberKey, voter.PersonName, voter.UserName)).ToList();
        foreach (var task in tasks) ((JsonObject)state["tasks"]!)[task.TaskId] = task.MemberKey;
        if (deadline is not null)
            context.CreateTimer(DeadlineBookmark, deadline.DueUtc);

        foreach (var (key, value) in state.ToList())
        {
            state.Remove(key);
            context.Properties[key] = value;
        }
        context.Set(SessionId, session.Id.ToString());
        context.Set(Tally, TallyJson(session.Tally));
        context.Publish(new VoteRequested(context.WorkflowInstanceId, context.Id, scope.PlanId, unitCode, collectiveUnit, session.Id,
            report.Id, report.Version, rule, title, collective, tasks, deadline?.DueUtc, context.UtcNow));
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, BookmarkResumption resumption)
    {
        var session = Replay(context.Properties);
        if (resumption.Bookmark.Name == DeadlineBookmark)
        {
            session.Close(context.UtcNow);
            Finish(context, session, closedAtDeadline: true, answeredTaskId: null);
            return ValueTask.CompletedTask;
        }

        var taskId = resumption.Bookmark.Payload!["taskId"]!.GetValue<string>();
        var memberKey = context.Properties["tasks"]![taskId]!.GetValue<string>();
        var answer = HumanTasks.Result(resumption);
        var answeredBy = InboxCompletion.CompletedBy(answer);
        try
        {
            var voter = session.Voters.First(v => v.MemberKey == memberKey);
            if (answeredBy is not null && !string.Equals(answeredBy, voter.UserName, StringComparison.OrdinalIgnoreCase))
                throw session.FindVoterByUserName(answeredBy) is null
                    ? new ApprovalException("memberKey", $"{answeredBy} không phải thành viên có quyền biểu quyết của tập thể.",
                        $"{answeredBy} is not an eligible voter of session {session.Id}.")
                    : new ApprovalException("memberKey", $"Phiếu này của đồng chí {voter.PersonName}; mỗi thành viên biểu quyết bằng phiếu của mình.",
                        $"{answeredBy} answered the ballot of member {voter.MemberKey} ({voter.PersonName}).");
            var choice = ReadChoice(answer);
            var comment = Text(answer, "comment");
            var result = session.Cast(memberKey, choice, comment, context.UtcNow);
            context.Set(Error, null);
            if (result != VoteCastResult.Unchanged)
            {
                ((JsonArray)context.Properties["ballots"]!).Add(new JsonObject
                {
                    ["memberKey"] = memberKey, ["choice"] = choice.ToString(), ["comment"] = comment, ["at"] = context.UtcNow.ToString("O"),
                });
                context.Publish(new VoteCast(context.WorkflowInstanceId, context.Id, session.Id, taskId, memberKey, voter.PersonName,
                    choice, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), result, session.Tally, context.UtcNow));
            }
            context.AddPayload("LastBallot", new JsonObject
            {
                ["taskId"] = taskId, ["memberKey"] = memberKey, ["choice"] = choice.ToString(), ["result"] = result.ToString(), ["at"] = context.UtcNow.ToString("O"),
            });
            context.Set(Tally, TallyJson(session.Tally));
            if (session.State != VoteSessionState.Open)
            {
                HumanTasks.Accepted(context, resumption);
                Finish(context, session, closedAtDeadline: false, answeredTaskId: taskId);
            }
            else
                HumanTasks.Wait(context, taskId, TaskName); // the member may still change the vote until voting ends
        }
        catch (ApprovalException refused)
        {
            HumanTasks.Wait(context, taskId, TaskName);
            context.Set(Error, refused.VietnameseMessage);
            context.AddPayload("Refused", new JsonObject
            {
                ["taskId"] = taskId, ["answer"] = answer?.DeepClone(), ["field"] = refused.Field, ["reason"] = refused.Message, ["at"] = context.UtcNow.ToString("O"),
            });
            context.Publish(new VoteRefused(context.WorkflowInstanceId, context.Id, session.Id, taskId, answeredBy, refused.Field, refused.Message,
                refused.VietnameseMessage, context.UtcNow));
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The vote has an outcome: the tasks still open are closed (the inbox marks them done), the outputs set.</summary>
    private void Finish(ActivityExecutionContext context, VoteSession session, bool closedAtDeadline, string? answeredTaskId)
    {
        var decision = session.Decision!;
        var closed = context.Properties["tasks"]!.AsObject().Where(t => t.Key != answeredTaskId)
            .Select(t => (TaskId: t.Key, Voter: session.Voters.First(v => v.MemberKey == t.Value!.GetValue<string>()))).ToList();
        foreach (var (taskId, voter) in closed)
        {
            // A ballot its member answered is done by them (with their last vote); an unanswered one closes with the vote.
            var vote = session.CurrentVoteOf(voter.MemberKey);
            context.Publish(new RunTaskCompleted(taskId, context.WorkflowInstanceId, context.ActivityId, new JsonObject
            {
                [InboxCompletion.CompletedByKey] = vote is null ? null : voter.UserName, ["choice"] = vote?.Choice.ToString().ToLowerInvariant(),
                ["votingClosed"] = true, ["outcome"] = decision.Outcome.ToString(),
            }, context.UtcNow));
        }

        var comments = decision.Comments.Select(c => $"{c.PersonName}: {c.Text}").ToArray();
        context.Set(Outcome, decision.Outcome.ToString());
        context.Set(Tally, TallyJson(decision.Tally));
        context.Set(Comments, comments);
        if (decision.Minutes is { } minutes)
            context.Set(Minutes, new JsonObject
            {
                ["summary"] = minutes.Summary(VietnamTime.DateOf(minutes.DecidedAt)), ["rule"] = minutes.RuleDescription,
                ["signatureBlock"] = new JsonArray(minutes.SignatureBlock.Select(line => (JsonNode)line).ToArray()),
                ["signerName"] = minutes.SignerName, ["signerMemberKey"] = minutes.SignerMemberKey, ["decidedAt"] = minutes.DecidedAt.ToString("O"),
            });
        context.Publish(new ApprovalDecided(context.WorkflowInstanceId, context.Id, context.Properties["planId"]?.GetValue<string>(),
            context.Properties["unitCode"]!.GetValue<string>(), session.Id, session.ReportId, session.ReportVersion, decision, closedAtDeadline,
            closed.Select(c => c.TaskId).ToList()));
        context.Complete(decision.Outcome switch
        {
            ApprovalOutcome.Approved => ApprovedOutcome,
            ApprovalOutcome.Rejected => RejectedOutcome,
            _ => NotDecidedOutcome,
        }); // removes the deadline timer and the ballot tasks' bookmarks
    }

    /// <summary>The session as the domain sees it after the accepted ballots, in order.</summary>
    private static VoteSession Replay(JsonObject state)
    {
        var session = VoteSession.Open(
            Guid.Parse(state["reportId"]!.GetValue<string>()), state["reportVersion"]!.GetValue<int>(), state["unitCode"]!.GetValue<string>(),
            state["collective"].Deserialize<List<CollectiveMember>>(StateJson)!, ApprovalRuleJson.Deserialize(state["rule"]!.GetValue<string>()),
            DateTimeOffset.Parse(state["openedAt"]!.GetValue<string>()),
            state["deadline"] is { } deadline ? DateTimeOffset.Parse(deadline.GetValue<string>()) : null,
            state["collectiveTitle"]!.GetValue<string>(), Guid.Parse(state["sessionId"]!.GetValue<string>()));
        foreach (var ballot in state["ballots"]!.AsArray())
            session.Cast(ballot!["memberKey"]!.GetValue<string>(), Enum.Parse<VoteChoice>(ballot["choice"]!.GetValue<string>()),
                ballot["comment"]?.GetValue<string>(), DateTimeOffset.Parse(ballot["at"]!.GetValue<string>()));
        return session;
    }

    private ApprovalRule ReadRule(ActivityExecutionContext context, PlanLevelContext scope)
    {
        var text = context.GetText(Rule);
        if (text is null)
            return scope.Level is { CollectiveApproval: false } ? new HeadDecidesRule() : ApprovalRule.Default;
        try
        {
            return text.ToLowerInvariant() switch
            {
                "party" or "partymajority" => ApprovalRule.Default,
                "unanimity" => new UnanimityRule(),
                "head" or "headdecides" => new HeadDecidesRule(),
                _ when text.StartsWith('{') => ApprovalRuleJson.Deserialize(text),
                _ => throw new ApprovalException("kind", $"Không hiểu quy tắc \"{text}\": dùng party, unanimity, head hoặc JSON.",
                    $"Unknown rule \"{text}\": use party, unanimity, head or a rule JSON."),
            };
        }
        catch (ApprovalException e)
        {
            throw new ActivityInputException(Rule.Name, $"{Rule.Name}: {e.VietnameseMessage}", $"{Rule.Name}: {e.Message}");
        }
    }

    private static VoteChoice ReadChoice(JsonNode? answer) =>
        HumanTasks.Answer(answer, "choice") is JsonValue value && value.TryGetValue<string>(out var text)
        && Enum.TryParse<VoteChoice>(text.Trim(), ignoreCase: true, out var choice) && Enum.IsDefined(choice)
            ? choice
            : throw new ApprovalException("choice", "Hãy chọn Đồng ý, Không đồng ý hoặc Không biểu quyết.",
                $"choice: expected agree, disagree or abstain, got {answer?.ToJsonString() ?? "nothing"}.");

    /// <summary>A text of the answer: <c>{key}</c>, or inside the inbox's <c>data</c>.</summary>
    private static string? Text(JsonNode? answer, string key) =>
        (answer as JsonObject)?[key] is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text
        : (answer as JsonObject)?["data"] is JsonObject data && data[key] is JsonValue d && d.TryGetValue<string>(out var inner) ? inner
        : null;

    private static CollectiveMember ToCollectiveMember(Membership membership) => new(
        membership.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), membership.Person,
        Enum.Parse<VoterRole>(membership.Role.ToString()), membership.UserName, membership.Title);

    public static JsonObject TallyJson(VoteTally tally) => new()
    {
        ["eligible"] = tally.Eligible, ["agree"] = tally.Agree, ["disagree"] = tally.Disagree, ["abstain"] = tally.Abstain,
        ["participated"] = tally.Participated, ["text"] = tally.Describe(),
    };
}
