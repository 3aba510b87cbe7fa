using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Activities;
using WorkflowHost.ReportingChains.Activities.Notifications;
using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.Tests.Activities.Support;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Runtime;
using static WorkflowHost.Workflows.Tests.Support.Wf;

namespace WorkflowHost.ReportingChains.Tests.Activities;

/// <summary>
/// Votes of Huyện ủy Bát Xát's standing committee on 10/9/2022 (11 members: the Secretary, 2 Deputy Secretaries,
/// 8 standing committee members). Party rule: quorum 8 (2/3 of 11), approval by 6 (more than half of all 11).
/// </summary>
public class CollectiveApprovalTests
{
    private static readonly DateTimeOffset Start = new(2022, 9, 10, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid ReportId = Guid.Parse("7b0c3f0e-2a4d-4c1e-9f51-0d6f3f6a1a01");

    private static readonly string[] Committee =
    [
        "Vũ Thanh Quyên", "Sùng A Dế", "Đào Thị Dung", "Chảo Láo Phú", "Dương Thúy Phượng", "Lý Văn Định", "Lục Thị Dung",
        "Nguyễn Hữu Tân", "Nguyễn Thu Yến", "Quách Thu Hiền", "Vàng Mí Chớ",
    ];

    private static async Task<(ChainEngine Engine, string InstanceId)> StartVoteAsync(string? rule = null, string? deadline = null, string plan = "002", string level = "huyen")
    {
        var engine = new ChainEngine(Start);
        var inputs = new List<(string, JsonNode?)> { ("reportId", Lit(ReportId.ToString())), ("reportVersion", Lit(1)) };
        if (rule is not null) inputs.Add(("rule", Lit(rule)));
        if (deadline is not null) inputs.Add(("deadline", Lit(deadline)));
        var definition = await engine.PublishAsync(Definition(Flowchart(
            [
                Activity("vote", "WorkflowHost.CollectiveApproval", [.. inputs]),
                WriteLine("approved", "thông qua"), WriteLine("rejected", "không thông qua"), WriteLine("undecided", "chưa quyết định"),
            ],
            ("vote", "Approved", "approved"), ("vote", "Rejected", "rejected"), ("vote", "NotDecided", "undecided"))));
        var run = await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "HU-BATXAT", ["planId"] = plan, ["levelKey"] = level });
        Assert.Equal(WorkflowSubStatus.Suspended, run.SubStatus);
        return (engine, run.InstanceId);
    }

    /// <summary>Each voter's ballot task, by person name.</summary>
    private static Dictionary<string, string> Ballots(ChainEngine engine) =>
        engine.Notifications.Of<RunTaskRequested>().Where(t => t.TaskName == CollectiveApproval.TaskName)
            .ToDictionary(t => t.Payload!["personName"]!.GetValue<string>(), t => t.TaskId);

    /// <summary>Answers a ballot as the inbox does (<c>{completedBy, comment, data}</c>) or, without a user, as the engine API does.</summary>
    private static async Task<ResumeResult> VoteAsync(ChainEngine engine, string person, string choice, string? comment = null, string? by = null)
    {
        JsonObject answer = by is null
            ? new() { ["choice"] = choice, ["comment"] = comment }
            : new() { ["completedBy"] = by, ["comment"] = comment, ["data"] = new JsonObject { ["choice"] = choice } };
        var result = await engine.Runtime.CompleteTaskAsync(Ballots(engine)[person], answer);
        Assert.Equal(ResumeOutcome.Resumed, result.Outcome);
        return result;
    }

    [Fact]
    public async Task Under_the_party_rule_the_report_is_approved_once_the_quorum_takes_part_and_more_than_half_of_all_agree()
    {
        var (engine, instanceId) = await StartVoteAsync();
        await using var _ = engine;

        var requested = Assert.Single(engine.Notifications.Of<VoteRequested>());
        Assert.Equal(11, requested.Tasks.Count);
        Assert.Equal(Committee.Order(StringComparer.Ordinal), Ballots(engine).Keys.Order(StringComparer.Ordinal));
        var ballot = engine.Notifications.Of<RunTaskRequested>().Single(t => t.Payload!["personName"]!.GetValue<string>() == "Vũ Thanh Quyên");
        Assert.Equal(("Vote", "HU-BATXAT", "member", "bithu.batxat"), (ballot.Payload!["kind"]!.GetValue<string>(),
            ballot.Payload["unitCode"]!.GetValue<string>(), ballot.Payload["role"]!.GetValue<string>(), ballot.Payload["assignees"]![0]!.GetValue<string>()));

        foreach (var person in Committee.Take(6)) await VoteAsync(engine, person, "agree");
        await VoteAsync(engine, Committee[6], "abstain");
        Assert.Empty(await engine.WrittenLinesAsync(instanceId)); // 7 took part: below the quorum of 8
        await VoteAsync(engine, Committee[7], "disagree", "Cần bổ sung số liệu");

        Assert.Equal(["thông qua"], await engine.WrittenLinesAsync(instanceId));
        var decided = Assert.Single(engine.Notifications.Of<ApprovalDecided>());
        Assert.Equal((ApprovalOutcome.Approved, 11, 6, 1, 1, false), (decided.Decision.Outcome, decided.Decision.Tally.Eligible,
            decided.Decision.Tally.Agree, decided.Decision.Tally.Disagree, decided.Decision.Tally.Abstain, decided.ClosedAtDeadline));
        Assert.Equal(["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Vũ Thanh Quyên"], decided.Decision.Minutes!.SignatureBlock);

        var session = Assert.Single(engine.VoteSessions.All);
        Assert.Equal((requested.SessionId, ReportId, 1, VoteSessionState.Decided, 8), (session.Id, session.ReportId, session.ReportVersion, session.State, session.Votes.Count));
        Assert.Equal(ApprovalOutcome.Approved, session.Decision!.Outcome);
        var outputs = await engine.OutputsAsync(instanceId, "vote");
        Assert.Equal("Approved", outputs["Outcome"]!.GetValue<string>());
        Assert.Equal("8/11 tham gia: 6 đồng ý, 1 không đồng ý, 1 không biểu quyết", outputs["Tally"]!["text"]!.GetValue<string>());
        Assert.Equal("Vũ Thanh Quyên", outputs["Minutes"]!["signerName"]!.GetValue<string>());

        // Every ballot task is closed with the vote: the 8 answered and the 3 never answered.
        Assert.Equal(Ballots(engine).Values.Order(), engine.Notifications.Of<RunTaskCompleted>().Select(c => c.TaskId).Order());
        Assert.Equal(ResumeOutcome.NotFound, (await engine.Runtime.CompleteTaskAsync(Ballots(engine)[Committee[10]], new JsonObject { ["choice"] = "agree" })).Outcome);
    }

    [Fact]
    public async Task When_approval_is_out_of_reach_the_report_is_rejected_with_the_members_comments()
    {
        var (engine, instanceId) = await StartVoteAsync();
        await using var _ = engine;

        await VoteAsync(engine, Committee[0], "agree");
        for (var i = 1; i <= 5; i++) await VoteAsync(engine, Committee[i], "disagree", i == 1 ? "Số liệu học bổng chưa khớp" : null);
        Assert.Empty(await engine.WrittenLinesAsync(instanceId)); // 1 agrees, 5 outstanding: 6 still possible
        await VoteAsync(engine, Committee[6], "disagree", "Phần đánh giá còn chung chung");

        Assert.Equal(["không thông qua"], await engine.WrittenLinesAsync(instanceId));
        var decided = Assert.Single(engine.Notifications.Of<ApprovalDecided>());
        Assert.Equal(ApprovalOutcome.Rejected, decided.Decision.Outcome);
        Assert.Null(decided.Decision.Minutes);
        var comments = (await engine.OutputsAsync(instanceId, "vote"))["Comments"]!.AsArray().Select(c => c!.GetValue<string>());
        Assert.Equal(["Sùng A Dế: Số liệu học bổng chưa khớp", "Lục Thị Dung: Phần đánh giá còn chung chung"], comments);
        Assert.Equal(ApprovalOutcome.Rejected, Assert.Single(engine.VoteSessions.All).Decision!.Outcome);
    }

    [Fact]
    public async Task Voting_that_closes_at_the_deadline_without_a_quorum_is_not_decided()
    {
        var (engine, instanceId) = await StartVoteAsync(deadline: "trước ngày 20/9/2022");
        await using var _ = engine;

        foreach (var person in Committee.Take(5)) await VoteAsync(engine, person, "agree");
        await engine.Driver.RunUntilIdleAsync(new DateTimeOffset(2022, 9, 25, 0, 0, 0, TimeSpan.Zero));

        // Voting closed at the end of 19/9/2022 (Việt Nam): 5 of 11 took part, below the quorum of 8.
        Assert.Equal(["chưa quyết định"], await engine.WrittenLinesAsync(instanceId));
        var decided = Assert.Single(engine.Notifications.Of<ApprovalDecided>());
        Assert.Equal((ApprovalOutcome.NotDecided, true, new DateTimeOffset(2022, 9, 19, 17, 0, 0, TimeSpan.Zero)),
            (decided.Decision.Outcome, decided.ClosedAtDeadline, decided.Decision.DecidedAt));
        Assert.Equal(11, decided.ClosedTaskIds.Count);
        var session = Assert.Single(engine.VoteSessions.All);
        Assert.Equal((VoteSessionState.Closed, ApprovalOutcome.NotDecided, 5), (session.State, session.Decision!.Outcome, session.Tally.Participated));
        Assert.Equal(ResumeOutcome.NotFound, (await engine.Runtime.CompleteTaskAsync(Ballots(engine)[Committee[9]], new JsonObject { ["choice"] = "agree" })).Outcome);
    }

    [Fact]
    public async Task A_non_members_answer_is_refused_and_the_ballot_stays_open_for_its_member()
    {
        var (engine, instanceId) = await StartVoteAsync();
        await using var _ = engine;

        await VoteAsync(engine, "Lý Văn Định", "disagree", by: "chuyenvien.batxat"); // a drafter, not a member of the collective
        await VoteAsync(engine, "Lý Văn Định", "disagree", by: "bithu.batxat");      // a member, but not this ballot's

        var refusals = engine.Notifications.Of<VoteRefused>();
        Assert.Equal([("chuyenvien.batxat", "memberKey"), ("bithu.batxat", "memberKey")], refusals.Select(r => (r.AnsweredBy!, r.Field)));
        Assert.Contains("không phải thành viên có quyền biểu quyết", refusals[0].ReasonVietnamese);
        Assert.Empty(engine.Notifications.Of<VoteCast>());
        Assert.Empty(Assert.Single(engine.VoteSessions.All).Votes);
        Assert.Contains("Lý Văn Định", (await engine.OutputsAsync(instanceId, "vote"))["Error"]!.GetValue<string>());

        await VoteAsync(engine, "Lý Văn Định", "agree", by: "uvbtv1.batxat");

        var cast = Assert.Single(engine.Notifications.Of<VoteCast>());
        Assert.Equal(("Lý Văn Định", VoteChoice.Agree, VoteCastResult.Recorded), (cast.PersonName, cast.Choice, cast.Result));
        Assert.Equal(1, engine.VoteSessions.All[0].Tally.Agree);
    }

    [Fact]
    public async Task A_repeated_vote_counts_once_and_a_changed_vote_before_the_close_is_recorded()
    {
        var (engine, _) = await StartVoteAsync();
        await using var __ = engine;

        await VoteAsync(engine, "Nguyễn Hữu Tân", "agree", by: "uvbtv2.batxat");
        await VoteAsync(engine, "Nguyễn Hữu Tân", "agree", by: "uvbtv2.batxat");
        var session = Assert.Single(engine.VoteSessions.All);
        Assert.Equal((1, 1, 1), (session.Tally.Participated, session.Tally.Agree, session.Votes.Count));
        Assert.Equal([VoteCastResult.Recorded], engine.Notifications.Of<VoteCast>().Select(c => c.Result));

        await VoteAsync(engine, "Nguyễn Hữu Tân", "disagree", "Đề nghị làm rõ phần hạn chế", by: "uvbtv2.batxat");

        Assert.Equal([VoteCastResult.Recorded, VoteCastResult.Changed], engine.Notifications.Of<VoteCast>().Select(c => c.Result));
        Assert.Equal((1, 0, 1), (session.Tally.Participated, session.Tally.Agree, session.Tally.Disagree));
        var change = Assert.Single(session.Changes);
        Assert.Equal(("Nguyễn Hữu Tân", VoteChoice.Agree, VoteChoice.Disagree, "Đề nghị làm rõ phần hạn chế"),
            (change.PersonName, change.From, change.To, change.ToComment));
        Assert.Empty(engine.Notifications.Of<RunTaskCompleted>()); // the ballot stays open until voting ends
    }

    [Fact]
    public async Task A_level_without_collective_approval_is_decided_by_the_head_alone()
    {
        // Plan 000's provincial level: "collectiveApproval": false.
        var (engine, instanceId) = await StartVoteAsync(plan: "000", level: "tinh");
        await using var _ = engine;

        Assert.Equal(["Vũ Thanh Quyên"], Ballots(engine).Keys);
        await VoteAsync(engine, "Vũ Thanh Quyên", "agree", by: "bithu.batxat");

        Assert.Equal(["thông qua"], await engine.WrittenLinesAsync(instanceId));
        var minutes = Assert.Single(engine.Notifications.Of<ApprovalDecided>()).Decision.Minutes!;
        Assert.Equal(["BÍ THƯ", "Vũ Thanh Quyên"], minutes.SignatureBlock); // decides alone: no T/M line
        Assert.Equal("Thủ trưởng quyết định", minutes.RuleDescription);
    }

    [Fact]
    public async Task An_unknown_rule_is_an_incident_naming_the_input()
    {
        await using var engine = new ChainEngine(Start);
        var definition = await engine.PublishAsync(Definition(Flowchart(
            [Activity("vote", "WorkflowHost.CollectiveApproval", ("reportId", Lit(ReportId.ToString())), ("rule", Lit("đa số")))])));

        var run = await engine.StartAsync(definition, new JsonObject { ["unitCode"] = "HU-BATXAT" });

        Assert.StartsWith("Rule:", Assert.Single(run.Incidents).Message);
        Assert.Empty(engine.Notifications.Of<VoteRequested>());
    }
}
