using WorkflowHost.ReportingChains.Calendar;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHost.Application.Queries.Organisation;
using WorkflowHost.Application.Validation;
using WorkflowHost.ReportingChains.Organisation;

namespace WorkflowHost.Pages.Organisation;

/// <summary>Tổ chức: the organisation tree as of a chosen day (default today).</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOfText { get; set; }
    public DateOnly AsOf { get; private set; }
    public IReadOnlyList<OrgTreeNodeDto> Tree { get; private set; } = [];
    public int UnitCount { get; private set; }
    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        OrgTreeResponse response;
        try
        {
            response = await mediator.Send(new GetOrgTreeQuery(AsOfText), cancellationToken);
        }
        catch (RequestValidationException)
        {
            ErrorMessage = $"Ngày \"{AsOfText}\" không hợp lệ; đang hiển thị cơ cấu tổ chức hôm nay.";
            response = await mediator.Send(new GetOrgTreeQuery(VietnamTime.Today(time).ToString("yyyy-MM-dd")), cancellationToken);
        }
        AsOf = response.AsOf;
        Tree = response.Units;
        UnitCount = Count(Tree);
    }

    private static int Count(IReadOnlyList<OrgTreeNodeDto> nodes) => nodes.Sum(n => 1 + Count(n.Children));
}
