using System.Globalization;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using WorkflowHost.Application.Validation;
using WorkflowHost.Identity;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Reporting.Calendar;
using WorkflowHost.ReportingChains.Audit;
using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.Application.Calendar;

/// <summary>
/// Adds a row to the holiday override table of <paramref name="Year"/>. Send it through
/// <see cref="HolidayOverrideChanges"/>, which refreshes the calendar's cached year once the change is committed.
/// </summary>
/// <param name="Date">yyyy-MM-dd</param>
/// <param name="Kind">DayOff or WorkingDay</param>
public sealed record AddHolidayOverrideCommand(int Year, string? Date, string? Kind, string? Reason)
    : ICommand<HolidayOverrideDto>, IAuditedCommand<HolidayOverrideDto>
{
    public AuditEntry ToAuditEntry(HolidayOverrideDto response) => new("calendar.override.added",
        $"holiday-override:{response.Date:yyyy-MM-dd}", AfterJson: JsonSerializer.Serialize(response));
}

/// <summary>The rules of the override table, with the messages the admin sees.</summary>
public static class HolidayOverrideRules
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static HolidayOverrideKind? ParseKind(string? text) =>
        Enum.TryParse<HolidayOverrideKind>(text?.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;
}

public sealed class AddHolidayOverrideCommandValidator : IRequestValidator<AddHolidayOverrideCommand>
{
    public IEnumerable<ValidationError> Validate(AddHolidayOverrideCommand request)
    {
        if (request.Year is < HolidayOverrideRules.FirstYear or > HolidayOverrideRules.LastYear)
            yield return new("year", $"Năm phải trong khoảng {HolidayOverrideRules.FirstYear}–{HolidayOverrideRules.LastYear}.");
        var date = HolidayOverrideRules.ParseDate(request.Date);
        if (date is null)
            yield return new("date", "Ngày không hợp lệ; hãy chọn một ngày (định dạng yyyy-MM-dd).");
        else if (date.Value.Year != request.Year)
            yield return new("date", $"Ngày {date:dd/MM/yyyy} không thuộc năm {request.Year}.");
        if (HolidayOverrideRules.ParseKind(request.Kind) is null)
            yield return new("kind", "Loại điều chỉnh phải là “Ngày nghỉ” (DayOff) hoặc “Ngày làm việc” (WorkingDay).");
        if (string.IsNullOrWhiteSpace(request.Reason))
            yield return new("reason", "Lý do không được để trống.");
        else if (request.Reason.Trim().Length > 500)
            yield return new("reason", "Lý do dài quá 500 ký tự.");
    }
}

public sealed class AddHolidayOverrideCommandHandler(WorkflowHostDbContext db, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<AddHolidayOverrideCommand, HolidayOverrideDto>
{
    public async Task<HolidayOverrideDto> Handle(AddHolidayOverrideCommand request, CancellationToken cancellationToken)
    {
        var date = HolidayOverrideRules.ParseDate(request.Date)!.Value;
        if (await db.Set<HolidayOverrideEntry>().AnyAsync(e => e.Date == date, cancellationToken))
            throw Duplicate(date);
        var entry = new HolidayOverrideEntry(
            new HolidayOverride(date, HolidayOverrideRules.ParseKind(request.Kind)!.Value, request.Reason!.Trim()),
            currentUser.UserName ?? "system", time.GetUtcNow());
        db.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken); // the id for the response and the audit record
        }
        catch (DbUpdateException)
        {
            // The table's only constraint the checks above do not cover is the unique date: another admin added it
            // between our check and our insert.
            throw Duplicate(date);
        }
        return HolidayOverrideDto.From(entry);
    }

    private static RequestValidationException Duplicate(DateOnly date) =>
        RequestValidationException.For("date", $"Ngày {date:dd/MM/yyyy} đã có trong bảng điều chỉnh; hãy xóa dòng cũ trước.");
}
