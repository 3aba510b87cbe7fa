using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Reporting.Calendar;
using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.Calendar;
using WorkflowHost.ReportingChains.Inbox;
using WorkflowHost.ReportingChains.Handoffs;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Plans.Json;
using WorkflowHost.ReportingChains.Reminders;
using WorkflowHost.ReportingChains.Reports;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Reporting;

/// <summary>
/// Every aggregate saved in one context and read back in another is the same aggregate: compared through the JSON of
/// all its public properties (derived ones too — tally, changes, current version), plus explicit checks of what must
/// be exact (decimals, order, instants). Instants are whole seconds: PostgreSQL keeps microseconds, not ticks.
/// </summary>
public sealed class AggregateRoundTripTests
{
    private static readonly DateTimeOffset Monday = new(2022, 9, 12, 9, 30, 0, TimeSpan.FromHours(7));

    private static readonly JsonSerializerOptions Snapshot = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Snapshot);

    // ---- Report -------------------------------------------------------------------------------------------------

    [Fact] public Task Report_round_trips_on_sqlite() => ReportRoundTrips("Sqlite");
    [PostgresFact] public Task Report_round_trips_on_postgres() => ReportRoundTrips("Postgres");

    private static async Task ReportRoundTrips(string provider)
    {
        await using var database = await ReportingDatabase.CreateAsync(provider);
        var report = Report.Start(Guid.NewGuid(), "small", "wf-1", "HU-BATXAT", "huyen", "chuyenvien", Monday);
        Ok(report.ApplyChildrenTotals(Small, new ChildrenTotals(
            new Dictionary<string, decimal> { ["NHA"] = 41, ["NHA-TIEN"] = 1234567890123.45m, ["DUONG"] = 0.1m },
            [new LocalIndicatorDefinition("DP-CAU", "Số cầu dân sinh", "cái", IndicatorKind.Count)]), "chuyenvien", Monday));
        Ok(report.SaveDraft(Small, new ReportDraft(
            new Dictionary<string, string> { ["I"] = "Đã quán triệt sâu rộng.", ["II.1"] = "Hỗ trợ 42 căn nhà." },
            new Dictionary<string, decimal> { ["NHA"] = 42, ["NHA-TIEN"] = 1234567890123.45m, ["DUONG"] = 0.1m, ["DP-CAU"] = 3 },
            [new LocalIndicatorDefinition("DP-CAU", "Số cầu dân sinh", "cái", IndicatorKind.Count)]), "chuyenvien", Monday.AddHours(1)));
        Ok(report.Submit(Small, "chuyenvien", Monday.AddHours(2)));
        Ok(report.MarkRejected("bithu", Monday.AddDays(1), ["Bổ sung số liệu xã Y Tý.", "Sửa mục II.1."]));
        Ok(report.AddNote("chuyenvien", Monday.AddDays(1).AddHours(1), "Đã tiếp thu."));
        var before = Json(report);

        await database.SaveAsync(sp => sp.GetRequiredService<IReportRepository>().Add(report));
        var loaded = await database.InScopeAsync(sp => sp.GetRequiredService<IReportRepository>().GetAsync(report.Id));

        Assert.NotNull(loaded);
        Assert.Equal(before, Json(loaded));
        Assert.Equal([1, 2], loaded.Versions.Select(v => v.Number));
        Assert.Equal((ReportStatus.Rejected, ReportStatus.Draft), (loaded.Versions[0].Status, loaded.Current.Status));
        Assert.Equal(1234567890123.45m, loaded.Versions[0].ValueOf("NHA-TIEN"));
        Assert.Equal(0.1m, loaded.Current.ValueOf("DUONG"));
        Assert.Equal((42m, 41m), (loaded.Current.EntryOf("NHA")!.Value, loaded.Current.EntryOf("NHA")!.ChildrenSum));
        Assert.Equal(["Bổ sung số liệu xã Y Tý.", "Sửa mục II.1."], loaded.ReasonsToRevise.Select(c => c.Text));
        Assert.Equal(Monday.AddDays(1).UtcDateTime, loaded.Versions[0].UpdatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, loaded.Versions[0].UpdatedAtUtc.Kind);

        // A change to a loaded report (new content, a third version) is saved too.
        await database.SaveAsync(async sp =>
        {
            var again = (await sp.GetRequiredService<IReportRepository>().FindAsync("wf-1", "HU-BATXAT"))!;
            Ok(again.SaveDraft(Small, Complete(("NHA", 43), ("NHA-TIEN", 99.99m)), "chuyenvien", Monday.AddDays(2)));
            Ok(again.Submit(Small, "chuyenvien", Monday.AddDays(2)));
            Ok(again.MarkApproved("bithu", Monday.AddDays(3), "Thống nhất."));
        });
        var approved = (await database.InScopeAsync(sp => sp.GetRequiredService<IReportRepository>().ListForPlanAsync("small"))).Single();
        Assert.Equal(ReportStatus.Approved, approved.Current.Status);
        Assert.Equal(99.99m, approved.LatestAccepted!.ValueOf("NHA-TIEN"));
        Assert.Null(approved.Current.ValueOf("DUONG"));
        Assert.Equal(["Bổ sung số liệu xã Y Tý.", "Sửa mục II.1."], approved.Versions[0].Comments.Select(c => c.Text));
        Assert.Single(await database.InScopeAsync(sp => sp.GetRequiredService<IReportRepository>().ListForUnitAsync("HU-BATXAT")));
    }

    // ---- VoteSession --------------------------------------------------------------------------------------------

    [Fact] public Task Vote_session_round_trips_on_sqlite() => VoteSessionRoundTrips("Sqlite");
    [PostgresFact] public Task Vote_session_round_trips_on_postgres() => VoteSessionRoundTrips("Postgres");

    private static async Task VoteSessionRoundTrips(string provider)
    {
        await using var database = await ReportingDatabase.CreateAsync(provider);
        var opened = new DateTimeOffset(2022, 9, 20, 1, 0, 0, TimeSpan.Zero);
        var collective = new List<CollectiveMember>
        {
            new("m1", "Nguyễn Văn An", VoterRole.Secretary, "bithu"),
            new("m2", "Trần Thị Bình", VoterRole.DeputySecretary, "phobithu"),
            new("m3", "Lê Văn Cường", VoterRole.StandingCommitteeMember, "uyvien1"),
            new("m4", "Phạm Thị Dung", VoterRole.StandingCommitteeMember, "uyvien2"),
            new("m5", "Hoàng Văn Em", VoterRole.StandingCommitteeMember),
        };
        var session = VoteSession.Open(Guid.NewGuid(), 2, "HU-BATXAT", collective, ApprovalRule.Default, opened,
            opened.AddDays(2), "Ban Thường vụ Huyện ủy");
        var beforeSave = Json(session);
        await database.SaveAsync(sp => sp.GetRequiredService<IVoteSessionRepository>().Add(session));
        Assert.Equal(beforeSave, Json(await database.InScopeAsync(sp => sp.GetRequiredService<IVoteSessionRepository>().GetAsync(session.Id))));

        // Ballots cast on the loaded session across several saves: a change, then the deciding votes.
        await CastAsync(database, session.Id, ("m3", VoteChoice.Disagree, "Chưa đủ số liệu.", 5));
        await CastAsync(database, session.Id, ("m3", VoteChoice.Agree, "Đã bổ sung.", 30), ("m1", VoteChoice.Agree, null, 31),
            ("m2", VoteChoice.Abstain, "Xin ý kiến thêm.", 32));
        var decided = await CastAsync(database, session.Id, ("m4", VoteChoice.Agree, null, 40));

        var loaded = (await database.InScopeAsync(sp => sp.GetRequiredService<IVoteSessionRepository>().FindAsync(session.ReportId, 2)))!;
        Assert.Equal(Json(decided), Json(loaded));
        Assert.Equal(VoteSessionState.Decided, loaded.State);
        Assert.Equal(ApprovalOutcome.Approved, loaded.Decision!.Outcome);
        Assert.Equal(new VoteTally(5, 3, 0, 1), loaded.Decision.Tally);
        Assert.Equal(("Nguyễn Văn An", "T/M BAN THƯỜNG VỤ HUYỆN ỦY"), (loaded.Decision.Minutes!.SignerName, loaded.Decision.Minutes.OnBehalfOf));
        var change = Assert.Single(loaded.Changes);
        Assert.Equal(("m3", VoteChoice.Disagree, VoteChoice.Agree, opened.AddMinutes(30)), (change.MemberKey, change.From, change.To, change.At));
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], loaded.Voters.Select(v => v.MemberKey));
        Assert.Equal([1, 2, 3, 4, 5], loaded.Votes.Select(v => v.Sequence));
        Assert.Equal(ApprovalRuleJson.Serialize(ApprovalRule.Default), ApprovalRuleJson.Serialize(loaded.Rule));
        Assert.Equal(opened.AddDays(2), loaded.Deadline);
        Assert.Single(await database.InScopeAsync(sp => sp.GetRequiredService<IVoteSessionRepository>().ListForUnitAsync("HU-BATXAT")));
        Assert.Single(await database.InScopeAsync(sp => sp.GetRequiredService<IVoteSessionRepository>().ListForReportAsync(session.ReportId)));
    }

    private static async Task<VoteSession> CastAsync(ReportingDatabase database, Guid id,
        params (string Member, VoteChoice Choice, string? Comment, int Minute)[] ballots)
    {
        VoteSession? session = null;
        await database.SaveAsync(async sp =>
        {
            session = (await sp.GetRequiredService<IVoteSessionRepository>().GetAsync(id))!;
            foreach (var (member, choice, comment, minute) in ballots)
                session.Cast(member, choice, comment, new DateTimeOffset(2022, 9, 20, 1, minute, 0, TimeSpan.Zero));
        });
        return session!;
    }

    // ---- Submission ---------------------------------------------------------------------------------------------

    [Fact] public Task Submission_chain_round_trips_on_sqlite() => SubmissionChainRoundTrips("Sqlite");
    [PostgresFact] public Task Submission_chain_round_trips_on_postgres() => SubmissionChainRoundTrips("Postgres");

    private static async Task SubmissionChainRoundTrips(string provider)
    {
        await using var database = await ReportingDatabase.CreateAsync(provider);
        var route = HandoffRoute.Resolve("HU-BATXAT", "TU-LAOCAI", "TU-BDV");
        var reportId = Guid.NewGuid();
        var deadline = new DateTimeOffset(2022, 9, 29, 17, 0, 0, TimeSpan.Zero);
        var first = Submission.Submit(route, reportId, 1, "chuyenvien", Monday, deadline);
        await database.SaveAsync(sp => sp.GetRequiredService<ISubmissionRepository>().Add(first));

        await database.SaveAsync(async sp =>
        {
            var repository = sp.GetRequiredService<ISubmissionRepository>();
            var stored = (await repository.GetAsync(first.Id))!;
            stored.Return("bdv", Monday.AddDays(1), ["Thiếu phụ lục số liệu.", "Chưa có chữ ký."]);
            var second = stored.Resubmit(2, "chuyenvien", Monday.AddDays(2));
            repository.Add(second);
        });
        await database.SaveAsync(async sp =>
        {
            var latest = (await sp.GetRequiredService<ISubmissionRepository>().FindLatestAsync(reportId))!;
            latest.Acknowledge("bdv", Monday.AddDays(3));
            latest.Forward("bdv", Monday.AddDays(3).AddHours(1));
        });

        var chain = await database.InScopeAsync(sp => sp.GetRequiredService<ISubmissionRepository>().ListForReportAsync(reportId));
        Assert.Equal([1, 2], chain.Select(s => s.Attempt));
        Assert.Equal((SubmissionState.Returned, SubmissionState.Forwarded), (chain[0].State, chain[1].State));
        Assert.Equal(["Thiếu phụ lục số liệu.", "Chưa có chữ ký."], chain[0].ReturnReasons);
        Assert.Equal((chain[1].Id, chain[0].Id), (chain[0].ResubmittedAsId, chain[1].PreviousSubmissionId));
        Assert.Equal((deadline, Timeliness.OnTime), (chain[1].Deadline, chain[1].Timeliness));
        Assert.Equal(Monday.AddDays(1), chain[0].ReturnedAt);
        Assert.Equal(route, chain[1].Route);
        Assert.Equal(2, (await database.InScopeAsync(sp => sp.GetRequiredService<ISubmissionRepository>().ListFromUnitAsync("HU-BATXAT"))).Count);
        Assert.Equal(2, (await database.InScopeAsync(sp => sp.GetRequiredService<ISubmissionRepository>().ListReceivedByAsync("TU-BDV"))).Count);
    }

    // ---- Reminders ----------------------------------------------------------------------------------------------

    [Fact] public Task Reminder_schedule_notice_and_escalation_round_trip_on_sqlite() => RemindersRoundTrip("Sqlite");
    [PostgresFact] public Task Reminder_schedule_notice_and_escalation_round_trip_on_postgres() => RemindersRoundTrip("Postgres");

    private static async Task RemindersRoundTrip(string provider)
    {
        await using var database = await ReportingDatabase.CreateAsync(provider);
        var deadline = new DateTimeOffset(2022, 9, 29, 17, 0, 0, TimeSpan.Zero);
        var schedule = UnitReminderSchedule.Plan("002", "HU-BATXAT", "Huyện ủy Bát Xát", "Báo cáo sơ kết", deadline,
            "trước ngày 30/9/2022",
            // given out of order: the schedule keeps them by due time, and so must the database
            [new ReminderTime(-1, false, deadline.AddDays(-1)), new ReminderTime(-7, false, deadline.AddDays(-7)),
             new ReminderTime(-3, true, deadline.AddDays(-5)), new ReminderTime(1, false, deadline.AddDays(1))],
            deadline.AddDays(3));
        var before = Json(schedule);
        await database.SaveAsync(sp => sp.GetRequiredService<IReminderRepository>().AddSchedule(schedule));
        Assert.Equal(before, Json(await database.InScopeAsync(sp => sp.GetRequiredService<IReminderRepository>().GetScheduleAsync(schedule.Id))));

        ReminderNotice? notice = null;
        EscalationTask? escalation = null;
        await database.SaveAsync(async sp =>
        {
            var repository = sp.GetRequiredService<IReminderRepository>();
            var stored = (await repository.FindScheduleAsync("002", "HU-BATXAT"))!;
            var due = Assert.Single(stored.DueAt(deadline.AddDays(-6)));
            notice = stored.Send(due.Id, [new ReminderRecipient("Lò Văn Pả", "chuyenvien", RecipientRole.Drafter),
                new ReminderRecipient("Giàng A Sử", null, RecipientRole.Head)], ReminderChannel.InApp, deadline.AddDays(-6));
            repository.AddNotice(notice);
            escalation = stored.Escalate("TU-VP", "TU-UBKT", deadline.AddDays(3), deadline.AddDays(5));
            repository.AddEscalation(escalation);
        });

        var loaded = (await database.InScopeAsync(sp => sp.GetRequiredService<IReminderRepository>().ListSchedulesForPlanAsync("002"))).Single();
        Assert.Equal([-7, -3, -1, 1], loaded.Reminders.Select(r => r.OffsetDays));
        Assert.Equal((ReminderState.Sent, deadline.AddDays(-6)), (loaded.Reminders[0].State, loaded.Reminders[0].SentAt));
        Assert.Equal(escalation!.Id, loaded.EscalationTaskId);
        Assert.Equal(deadline.AddDays(-5), loaded.NextDueAt);
        var notices = await database.InScopeAsync(sp => sp.GetRequiredService<IReminderRepository>().ListNoticesForUnitAsync("HU-BATXAT"));
        Assert.Equal(Json(notice), Json(Assert.Single(notices)));
        var open = await database.InScopeAsync(sp => sp.GetRequiredService<IReminderRepository>().ListOpenEscalationsForAsync("TU-UBKT"));
        Assert.Equal(Json(escalation), Json(Assert.Single(open)));

        // Submitting cancels the pending reminders and closes the escalation; both are saved.
        await database.SaveAsync(async sp =>
        {
            var repository = sp.GetRequiredService<IReminderRepository>();
            (await repository.GetScheduleAsync(schedule.Id))!.OnSubmitted(deadline.AddDays(4));
            (await repository.GetEscalationAsync(escalation.Id))!.OnUnitSubmitted(deadline.AddDays(4));
        });
        var submitted = (await database.InScopeAsync(sp => sp.GetRequiredService<IReminderRepository>().GetScheduleAsync(schedule.Id)))!;
        Assert.Equal([ReminderState.Sent, ReminderState.Cancelled, ReminderState.Cancelled, ReminderState.Cancelled],
            submitted.Reminders.Select(r => r.State));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<IReminderRepository>().ListOpenEscalationsForAsync("TU-VP")));
    }

    // ---- Inbox item and holiday override ------------------------------------------------------------------------

    [Fact] public Task Inbox_item_and_holiday_override_round_trip_on_sqlite() => InboxAndHolidayRoundTrip("Sqlite");
    [PostgresFact] public Task Inbox_item_and_holiday_override_round_trip_on_postgres() => InboxAndHolidayRoundTrip("Postgres");

    private static async Task InboxAndHolidayRoundTrip(string provider)
    {
        await using var database = await ReportingDatabase.CreateAsync(provider);
        var item = InboxItem.Open("task-1", "wf-1", "plan-002", InboxItemKinds.RunTask, "Dự thảo báo cáo", "Mô tả",
            "TU-BTC", "Drafter", ["bithu.tu", "chuyenvien.btc"], "{\"reportId\":\"R-1\"}", Monday, Monday.AddDays(3));
        var entry = new HolidayOverrideEntry(new HolidayOverride(new DateOnly(2026, 2, 14), HolidayOverrideKind.DayOff, "Nghỉ Tết"),
            "admin", Monday);
        await database.SaveAsync(sp =>
        {
            sp.GetRequiredService<IInboxItemRepository>().Add(item);
            sp.GetRequiredService<WorkflowHostDbContext>().Add(entry);
        });
        await database.SaveAsync(async sp =>
            (await sp.GetRequiredService<IInboxItemRepository>().GetAsync(item.Id))!.MarkDone("chuyenvien.btc", Monday.AddDays(1), "{\"ok\":true}"));
        item.MarkDone("chuyenvien.btc", Monday.AddDays(1), "{\"ok\":true}");

        Assert.Equal(Json(item), Json(await database.InScopeAsync(sp => sp.GetRequiredService<IInboxItemRepository>().FindByTaskIdAsync("task-1"))));
        var overrides = await database.Services.GetRequiredService<IHolidayOverrideSource>().GetOverridesAsync(2026);
        Assert.Equal([new HolidayOverride(new DateOnly(2026, 2, 14), HolidayOverrideKind.DayOff, "Nghỉ Tết")], overrides);
        Assert.Empty(await database.Services.GetRequiredService<IHolidayOverrideSource>().GetOverridesAsync(2025));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void Ok(ReportResult result) =>
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Code}: {e.Message}")));

    private static ReportDraft Complete(params (string Code, decimal Value)[] values) => new(
        new Dictionary<string, string> { ["I"] = "Đã quán triệt.", ["II.1"] = "Đã hỗ trợ." },
        values.ToDictionary(v => v.Code, v => v.Value), []);

    /// <summary>A small plan: two required sections, counts, money, km, local indicators allowed.</summary>
    private static PlanTemplate Small { get; } = PlanTemplateReader.Read("""
        {
          "id": "small", "issueDate": "2022-03-15", "issuingBody": "TU", "kind": "InterimReview", "subject": "Thử",
          "levels": [ { "key": "huyen", "name": "Cấp huyện", "recipient": "TU", "deadline": "trước ngày 30/9/2022",
                        "reportingUnits": [ { "mode": "ByKind", "kinds": ["DistrictCommittee"], "under": "TU" } ] } ],
          "outline": [
            { "number": "I", "title": "Lãnh đạo, chỉ đạo" },
            { "number": "II", "title": "Kết quả", "required": false, "children": [
              { "number": "II.1", "title": "Hỗ trợ nhà ở", "requiresStatistics": true } ] }
          ],
          "indicators": [
            { "code": "NHA", "name": "Tổng số căn", "unit": "căn", "kind": "Count", "amountCode": "NHA-TIEN" },
            { "code": "NHA-TIEN", "name": "Tổng số tiền", "unit": "đồng", "kind": "Amount" },
            { "code": "DUONG", "name": "Tổng số km", "unit": "km", "kind": "Count", "wholeNumbers": false }
          ],
          "localIndicators": { "allowed": true, "codePrefix": "DP-" }
        }
        """).Template!;
}
