using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkflowHost.Application.Calendar;
using WorkflowHost.Application.Validation;
using WorkflowHost.Identity;
using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.Pages.Admin;

/// <summary>Ngày nghỉ lễ: a year's computed holidays and the admin-edited override table.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class HolidaysModel(IMediator mediator, HolidayOverrideChanges changes, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Kind { get; set; } = nameof(HolidayOverrideKind.DayOff);
    [BindProperty] public string? Reason { get; set; }

    public CalendarYearDto Calendar { get; private set; } = null!;
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData["HolidayMessage"] as string;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var year = Year ?? CurrentYear;
        try
        {
            var added = await changes.AddAsync(new AddHolidayOverrideCommand(year, Date, Kind, Reason), cancellationToken);
            TempData["HolidayMessage"] = $"Đã thêm ngày {added.Date:dd/MM/yyyy} ({HolidayLabels.Of(added.Kind)}).";
            return RedirectToPage(new { year });
        }
        catch (RequestValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var year = Year ?? CurrentYear;
        try
        {
            var deleted = await changes.DeleteAsync(id, cancellationToken);
            TempData["HolidayMessage"] = $"Đã xóa ngày {deleted.Date:dd/MM/yyyy} khỏi bảng điều chỉnh.";
        }
        catch (NotFoundException)
        {
            TempData["HolidayMessage"] = "Dòng điều chỉnh này không còn tồn tại (có thể đã được xóa).";
        }
        return RedirectToPage(new { year });
    }

    public IReadOnlyList<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    private int CurrentYear => VietnamTime.DateOf(time.GetUtcNow()).Year;

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Year ??= CurrentYear;
        try
        {
            Calendar = await mediator.Send(new GetCalendarYearQuery(Year.Value), cancellationToken);
        }
        catch (RequestValidationException)
        {
            Message = $"Năm {Year} không hợp lệ; đang hiển thị năm {CurrentYear}.";
            Year = CurrentYear;
            Calendar = await mediator.Send(new GetCalendarYearQuery(Year.Value), cancellationToken);
        }
        return Page();
    }
}
