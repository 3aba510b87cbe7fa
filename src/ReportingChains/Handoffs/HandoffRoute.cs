namespace WorkflowHost.ReportingChains.Handoffs;

/// <summary>
/// Where a report goes: from the child unit to the parent unit, received by the "via" body (qua Ban …). The plan's
/// choice wins (plan 000 sends via Ban Tổ chức); else the parent's own receiving body as of the date; else the parent
/// receives the report itself.
/// </summary>
public sealed record HandoffRoute(string FromUnitCode, string ToUnitCode, string ViaUnitCode)
{
    public bool ReceivedDirectly => ViaUnitCode == ToUnitCode;

    public static HandoffRoute Resolve(string fromUnitCode, string toUnitCode, string? parentReceivesVia, string? planVia = null)
    {
        if (string.IsNullOrWhiteSpace(fromUnitCode))
            throw new HandoffException("fromUnitCode", "Thiếu đơn vị gửi báo cáo.", "fromUnitCode is required.");
        if (string.IsNullOrWhiteSpace(toUnitCode))
            throw new HandoffException("toUnitCode", "Thiếu đơn vị nhận báo cáo.", "toUnitCode is required.");
        if (fromUnitCode == toUnitCode)
            throw new HandoffException("toUnitCode", "Đơn vị không thể gửi báo cáo cho chính mình.",
                $"{fromUnitCode} cannot hand a report to itself.");
        string via = NullIfBlank(planVia) ?? NullIfBlank(parentReceivesVia) ?? toUnitCode;
        if (via == fromUnitCode)
            throw new HandoffException("viaUnitCode", "Đơn vị gửi không thể đồng thời là cơ quan đầu mối tiếp nhận.",
                $"{fromUnitCode} cannot be the via body of its own report.");
        return new HandoffRoute(fromUnitCode, toUnitCode, via);
    }

    private static string? NullIfBlank(string? code) => string.IsNullOrWhiteSpace(code) ? null : code;
}
