namespace WorkflowHost.ReportingChains.Approvals;

/// <summary>
/// The minutes of an approval: the tally and who signs the approved report. The signature block reads, top down,
/// <see cref="OnBehalfOf"/> ("T/M BAN THƯỜNG VỤ"), <see cref="SignsFor"/> when a deputy signs for the head
/// ("K/T BÍ THƯ"), then <see cref="SignerTitle"/> ("PHÓ BÍ THƯ") and <see cref="SignerName"/>.
/// </summary>
public sealed record ApprovalMinutes(
    VoteTally Tally,
    string RuleDescription,
    string? OnBehalfOf,
    string? SignsFor,
    string SignerTitle,
    string SignerName,
    string SignerMemberKey,
    DateTimeOffset DecidedAt)
{
    public IReadOnlyList<string> SignatureBlock =>
        new[] { OnBehalfOf, SignsFor, SignerTitle, SignerName }.OfType<string>().ToList();

    /// <summary>"Thông qua ngày 12/9/2022: 9/11 tham gia: 8 đồng ý, 1 không đồng ý, 0 không biểu quyết."</summary>
    public string Summary(DateOnly localDay) =>
        $"Thông qua ngày {localDay.Day}/{localDay.Month}/{localDay.Year}: {Tally.Describe()} ({RuleDescription}).";
}
