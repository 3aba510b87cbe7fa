using System.Text.Json;
using MediatR;
using WorkflowHost.Application.Validation;
using WorkflowHost.Persistence;
using WorkflowHost.Persistence.Reporting.Calendar;
using WorkflowHost.ReportingChains.Audit;

namespace WorkflowHost.Application.Calendar;

/// <summary>Removes a row of the override table (send through <see cref="HolidayOverrideChanges"/>).</summary>
public sealed record DeleteHolidayOverrideCommand(int Id) : ICommand<HolidayOverrideDto>, IAuditedCommand<HolidayOverrideDto>
{
    public AuditEntry ToAuditEntry(HolidayOverrideDto response) => new("calendar.override.deleted",
        $"holiday-override:{response.Date:yyyy-MM-dd}", BeforeJson: JsonSerializer.Serialize(response));
}

public sealed class DeleteHolidayOverrideCommandHandler(WorkflowHostDbContext db)
    : IRequestHandler<DeleteHolidayOverrideCommand, HolidayOverrideDto>
{
    public async Task<HolidayOverrideDto> Handle(DeleteHolidayOverrideCommand request, CancellationToken cancellationToken)
    {
        var entry = await db.Set<HolidayOverrideEntry>().FindAsync([request.Id], cancellationToken)
            ?? throw new NotFoundException($"Holiday override {request.Id} does not exist.");
        db.Remove(entry);
        return HolidayOverrideDto.From(entry);
    }
}
