using WorkflowHost.ReportingChains.Handoffs;

namespace WorkflowHost.ReportingChains.Tests.Handoffs;

public class SubmissionTests
{
    // "trước ngày 30/9/2022": late from 30/9/2022 00:00 Vietnam time = 29/9/2022 17:00 UTC.
    private static readonly DateTimeOffset Deadline = new(2022, 9, 29, 17, 0, 0, TimeSpan.Zero);
    private static readonly HandoffRoute Route = HandoffRoute.Resolve("HU-BATXAT", "TU", parentReceivesVia: "TU-BDV");
    private static readonly Guid ReportId = Guid.NewGuid();

    private static Submission SubmitAt(DateTimeOffset at) => Submission.Submit(Route, ReportId, 1, "vanthu.batxat", at, Deadline);

    [Fact]
    public void The_route_goes_via_the_parents_receiving_body_unless_the_plan_names_another()
    {
        Assert.Equal(new HandoffRoute("HU-BATXAT", "TU", "TU-BDV"), Route);
        Assert.Equal("TU-BTC", HandoffRoute.Resolve("HU-BATXAT", "TU", "TU-BDV", planVia: "TU-BTC").ViaUnitCode);
        var direct = HandoffRoute.Resolve("CS-BATXAT-01", "HU-BATXAT", parentReceivesVia: null);
        Assert.Equal("HU-BATXAT", direct.ViaUnitCode);
        Assert.True(direct.ReceivedDirectly);
    }

    [Fact]
    public void A_route_to_itself_is_refused()
    {
        Assert.Equal("toUnitCode", Assert.Throws<HandoffException>(() => HandoffRoute.Resolve("TU", "TU", null)).Field);
        Assert.Equal("viaUnitCode", Assert.Throws<HandoffException>(() => HandoffRoute.Resolve("TU-BDV", "TU", "TU-BDV")).Field);
    }

    [Fact]
    public void Submitted_before_the_deadline_is_on_time_and_at_the_deadline_is_late()
    {
        Assert.Equal(Timeliness.OnTime, SubmitAt(Deadline.AddSeconds(-1)).Timeliness);
        Assert.Equal(Timeliness.Late, SubmitAt(Deadline).Timeliness);
        Assert.Equal(Timeliness.Late, SubmitAt(Deadline.AddDays(2)).Timeliness);
        Assert.Equal(Timeliness.NoDeadline,
            Submission.Submit(Route, ReportId, 1, "vanthu.batxat", Deadline, deadline: null).Timeliness);
    }

    [Fact]
    public void Times_are_stored_in_utc()
    {
        var local = new DateTimeOffset(2022, 9, 28, 9, 0, 0, TimeSpan.FromHours(7));

        var submission = SubmitAt(local);

        Assert.Equal(TimeSpan.Zero, submission.SubmittedAt.Offset);
        Assert.Equal(local, submission.SubmittedAt);
    }

    [Fact]
    public void The_via_body_acknowledges_then_forwards()
    {
        var submission = SubmitAt(Deadline.AddDays(-3));

        submission.Acknowledge("chuyenvien.bdv", Deadline.AddDays(-2));
        submission.Forward("truongban.bdv", Deadline.AddDays(-1));

        Assert.Equal(SubmissionState.Forwarded, submission.State);
        Assert.Equal(("chuyenvien.bdv", Deadline.AddDays(-2)), (submission.AcknowledgedBy, submission.AcknowledgedAt!.Value));
        Assert.Equal(("truongban.bdv", Deadline.AddDays(-1)), (submission.ForwardedBy, submission.ForwardedAt!.Value));
    }

    [Fact]
    public void Acknowledging_twice_is_refused()
    {
        var submission = SubmitAt(Deadline.AddDays(-3));
        submission.Acknowledge("chuyenvien.bdv", Deadline.AddDays(-2));

        var refused = Assert.Throws<HandoffException>(() => submission.Acknowledge("other", Deadline.AddDays(-1)));

        Assert.Equal("state", refused.Field);
        Assert.Equal("chuyenvien.bdv", submission.AcknowledgedBy);
    }

    [Fact]
    public void Returning_after_acknowledgement_is_refused()
    {
        var submission = SubmitAt(Deadline.AddDays(-3));
        submission.Acknowledge("chuyenvien.bdv", Deadline.AddDays(-2));

        Assert.Throws<HandoffException>(() => submission.Return("chuyenvien.bdv", Deadline.AddDays(-1), ["Thiếu phụ lục"]));
        Assert.Equal(SubmissionState.Acknowledged, submission.State);
        Assert.Empty(submission.ReturnReasons);
    }

    [Fact]
    public void Forwarding_before_acknowledgement_is_refused()
    {
        var submission = SubmitAt(Deadline.AddDays(-3));

        Assert.Equal("state", Assert.Throws<HandoffException>(() => submission.Forward("x", Deadline)).Field);
    }

    [Fact]
    public void Returning_needs_a_reason()
    {
        var submission = SubmitAt(Deadline.AddDays(-3));

        var refused = Assert.Throws<HandoffException>(() => submission.Return("chuyenvien.bdv", Deadline, [" ", ""]));

        Assert.Equal("reasons", refused.Field);
        Assert.Equal(SubmissionState.Submitted, submission.State);
    }

    [Fact]
    public void Acting_before_the_submission_is_refused()
    {
        var submission = SubmitAt(Deadline.AddDays(-3));

        Assert.Equal("at", Assert.Throws<HandoffException>(() => submission.Acknowledge("x", Deadline.AddDays(-4))).Field);
        Assert.Equal(SubmissionState.Submitted, submission.State);
    }

    [Fact]
    public void A_returned_report_is_resubmitted_as_a_new_linked_submission_keeping_every_version()
    {
        var first = SubmitAt(Deadline.AddDays(-5));
        first.Return("chuyenvien.bdv", Deadline.AddDays(-4), ["Số liệu phụ lục chưa khớp", "Thiếu mục III"]);

        var second = first.Resubmit(2, "vanthu.batxat", Deadline.AddDays(-2));
        second.Return("chuyenvien.bdv", Deadline.AddDays(-1), ["Chưa ký T/M"]);
        var third = second.Resubmit(3, "vanthu.batxat", Deadline.AddDays(1));
        third.Acknowledge("chuyenvien.bdv", Deadline.AddDays(1).AddHours(2));

        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(s => s.ReportVersion));
        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(s => s.Attempt));
        Assert.Equal((Guid?)first.Id, second.PreviousSubmissionId);
        Assert.Equal((Guid?)second.Id, third.PreviousSubmissionId);
        Assert.Equal((Guid?)second.Id, first.ResubmittedAsId);
        Assert.Equal(["Số liệu phụ lục chưa khớp", "Thiếu mục III"], first.ReturnReasons);
        Assert.Equal(SubmissionState.Returned, first.State);
        Assert.Equal(SubmissionState.Acknowledged, third.State);
        Assert.Equal(Route, third.Route);
        Assert.Equal(Timeliness.OnTime, second.Timeliness);
        Assert.Equal(Timeliness.Late, third.Timeliness); // the same deadline applies to the resubmission
    }

    [Fact]
    public void The_receiving_level_may_give_a_resubmission_a_new_deadline()
    {
        var first = SubmitAt(Deadline.AddDays(-1));
        first.Return("chuyenvien.bdv", Deadline.AddHours(1), ["Bổ sung số liệu"]);

        var second = first.Resubmit(2, "vanthu.batxat", Deadline.AddDays(2), newDeadline: Deadline.AddDays(3));

        Assert.Equal(Timeliness.OnTime, second.Timeliness);
    }

    [Fact]
    public void Resubmitting_is_refused_unless_returned_and_only_once_with_a_newer_version()
    {
        var submitted = SubmitAt(Deadline.AddDays(-5));
        Assert.Equal("state", Assert.Throws<HandoffException>(() => submitted.Resubmit(2, "x", Deadline)).Field);

        submitted.Return("chuyenvien.bdv", Deadline.AddDays(-4), ["Thiếu mục II"]);
        Assert.Equal("reportVersion", Assert.Throws<HandoffException>(() => submitted.Resubmit(1, "x", Deadline)).Field);
        Assert.Equal("at", Assert.Throws<HandoffException>(() => submitted.Resubmit(2, "x", Deadline.AddDays(-5))).Field);
        Assert.Null(submitted.ResubmittedAsId);

        submitted.Resubmit(2, "x", Deadline);
        Assert.Equal("submission", Assert.Throws<HandoffException>(() => submitted.Resubmit(3, "x", Deadline)).Field);
    }
}
