namespace WorkflowHost.ReportingChains.Plans;

public enum DocumentType
{
    Directive,      // Chỉ thị
    Conclusion,     // Kết luận
    Resolution,     // Nghị quyết
    Plan,           // Kế hoạch
    OfficialLetter, // Công văn
    Decision,       // Quyết định
    Decree,         // Nghị định
    Guidance,       // Hướng dẫn
}

/// <summary>How a related document stands to the plan.</summary>
public enum DocumentRelation
{
    /// <summary>The plan is issued "Thực hiện …" this document.</summary>
    TriggeredBy,
    /// <summary>The plan (or the directive it reviews) cites it.</summary>
    Cites,
}

/// <summary>A reference to another Party or state document, e.g. Chỉ thị số 21-CT/TU ngày 01/02/2007.</summary>
public sealed class DocumentReference
{
    private DocumentReference() { } // for EF

    public DocumentReference(DocumentType type, string number, DateOnly? date, string? issuedBy, string? title,
        DocumentRelation? relation)
    {
        Type = type;
        Number = number;
        Date = date;
        IssuedBy = issuedBy;
        Title = title;
        Relation = relation;
    }

    public DocumentType Type { get; private set; }

    /// <summary>Number and symbol as written, e.g. "21-CT/TU", "1351/QĐ-UBND".</summary>
    public string Number { get; private set; } = "";

    public DateOnly? Date { get; private set; }
    public string? IssuedBy { get; private set; }
    public string? Title { get; private set; }

    /// <summary>Only for related documents; null for the directives the plan reviews.</summary>
    public DocumentRelation? Relation { get; private set; }
}
