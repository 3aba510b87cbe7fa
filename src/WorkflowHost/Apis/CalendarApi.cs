using MediatR;
using WorkflowHost.Application.Calendar;
using WorkflowHost.Identity;

namespace WorkflowHost.Apis;

public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calendar/{year:int}", (int year, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetCalendarYearQuery(year), ct))
            .WithTags("Calendar").WithName("GetCalendarYear")
            .WithSummary("A year's days off (statutory, compensatory, announced), the override table and the working-day count.")
            .RequireAuthorization(Policies.ReadOrganisation);
        return app;
    }
}
