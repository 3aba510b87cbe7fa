using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowHost.ReportingChains.Approvals;
using WorkflowHost.ReportingChains.Handoffs;
using WorkflowHost.ReportingChains.Reports;

namespace WorkflowHost.Pages.Inbox.Forms;

/// <summary>
/// The forms of a ballot (<c>WorkflowHost.CastVote</c>, <c>_CastVote.cshtml</c>) and of a report's receipt
/// (<c>WorkflowHost.ReceiveReport</c>, <c>_ReceiveReport.cshtml</c>): what they show (the report version under vote or
/// handed over, the running tally, the member's current vote, earlier attempts) and the answer their fields make.
/// </summary>
public static class ApprovalForms
{
    public static readonly IReadOnlyList<(string Value, string Label)> Choices =
        [("agree", "Đồng ý"), ("disagree", "Không đồng ý"), ("abstain", "Không biểu quyết")];

    /// <summary>Posted ballot → <c>{choice}</c> (the comment travels as the inbox answer's comment).</summary>
    public static JsonObject CastVoteAnswer(IFormCollection form) => new() { ["choice"] = form["choice"].ToString() };

    /// <summary>Posted receipt → <c>{action, reasons}</c>, one reason a line.</summary>
    public static JsonObject ReceiveReportAnswer(IFormCollection form) => new()
    {
        ["action"] = form["action"].ToString(),
        ["reasons"] = new JsonArray(form["reasons"].ToString().Split('\n').Select(r => r.Trim()).Where(r => r.Length > 0)
            .Select(r => (JsonNode)r).ToArray()),
    };

    public static string LabelOf(VoteChoice choice) => Choices.Single(c => c.Value == ValueOf(choice)).Label;

    public static string ValueOf(VoteChoice choice) => choice.ToString().ToLowerInvariant();

    /// <summary>The ballot as its member sees it: the session (tally, their current vote) and the report version voted on.</summary>
    public static async Task<BallotView> BallotAsync(JsonObject payload, IVoteSessionRepository sessions, IReportRepository reports,
        CancellationToken cancellationToken)
    {
        var session = Guid.TryParse(Text(payload, "sessionId"), out var sessionId) ? await sessions.GetAsync(sessionId, cancellationToken) : null;
        var memberKey = Text(payload, "memberKey");
        var current = session is null || memberKey is null ? null : session.CurrentVoteOf(memberKey);
        return new BallotView(Text(payload, "personName") ?? "", Text(payload, "rule"), session?.Tally, current,
            await VersionAsync(payload, reports, cancellationToken));
    }

    /// <summary>The hand-off being received, with the earlier attempts of the same report (returned ones and their reasons).</summary>
    public static async Task<ReceiptView> ReceiptAsync(JsonObject payload, ISubmissionRepository submissions, IReportRepository reports,
        CancellationToken cancellationToken)
    {
        var attempts = Guid.TryParse(Text(payload, "reportId"), out var reportId)
            ? await submissions.ListForReportAsync(reportId, cancellationToken)
            : [];
        return new ReceiptView(Text(payload, "fromUnitCode") ?? "", Text(payload, "toUnitCode") ?? "", Text(payload, "viaUnitCode") ?? "",
            attempts, await VersionAsync(payload, reports, cancellationToken));
    }

    private static async Task<ReportVersion?> VersionAsync(JsonObject payload, IReportRepository reports, CancellationToken cancellationToken) =>
        Guid.TryParse(Text(payload, "reportId"), out var reportId)
        && payload["reportVersion"] is JsonValue v && v.TryGetValue<int>(out var number)
        && await reports.GetAsync(reportId, cancellationToken) is { } report
            ? report.Versions.FirstOrDefault(version => version.Number == number)
            : null;

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}

public sealed record BallotView(string PersonName, string? Rule, VoteTally? Tally, Vote? CurrentVote, ReportVersion? Report);

public sealed record ReceiptView(string From, string To, string Via, IReadOnlyList<Submission> Attempts, ReportVersion? Report);
