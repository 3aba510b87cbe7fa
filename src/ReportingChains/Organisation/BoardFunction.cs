namespace WorkflowHost.ReportingChains.Organisation;

/// <summary>What a <see cref="UnitKind.CommitteeBoard"/> does.</summary>
public enum BoardFunction
{
    /// <summary>Ban Tổ chức.</summary>
    Organisation,
    /// <summary>Ban Dân vận.</summary>
    MassMobilisation,
    /// <summary>Ban Tuyên giáo.</summary>
    Propaganda,
    /// <summary>Ban Tuyên giáo và Dân vận (the 2025 merger of the two above).</summary>
    PropagandaAndMassMobilisation,
    /// <summary>Ủy ban Kiểm tra.</summary>
    Inspection,
    /// <summary>Văn phòng.</summary>
    Office,
}
