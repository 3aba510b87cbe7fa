using MediatR;
using WorkflowHost.ReportingChains.Calendar;

namespace WorkflowHost.Application.Calendar;

/// <summary>
/// The one way the override table changes: the command (validated, audited, committed by the pipeline), then the
/// calendar's cached year is dropped — after the commit, so no reader can cache the table as it was before.
/// </summary>
public sealed class HolidayOverrideChanges(IMediator mediator, WorkingDayCalendar calendar)
{
    public async Task<HolidayOverrideDto> AddAsync(AddHolidayOverrideCommand command, CancellationToken cancellationToken)
    {
        var added = await mediator.Send(command, cancellationToken);
        calendar.Invalidate(added.Date.Year);
        return added;
    }

    public async Task<HolidayOverrideDto> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await mediator.Send(new DeleteHolidayOverrideCommand(id), cancellationToken);
        calendar.Invalidate(deleted.Date.Year);
        return deleted;
    }
}
