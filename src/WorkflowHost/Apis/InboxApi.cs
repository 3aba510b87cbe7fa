using System.Text.Json.Nodes;
using MediatR;
using WorkflowHost.Application.Inbox;
using WorkflowHost.Identity;

namespace WorkflowHost.Apis;

public static class InboxApi
{
    public sealed record CompleteRequest(string? Comment, JsonNode? Data);

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inbox").WithTags("Inbox");

        group.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetMyInboxQuery(), ct))
            .WithName("GetMyInbox")
            .WithSummary("The signed-in user's open inbox items as of today (Asia/Ho_Chi_Minh), earliest due first.")
            .RequireAuthorization(Policies.ReadOrganisation);

        group.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetInboxItemQuery(id), ct))
            .WithName("GetInboxItem")
            .WithSummary("One inbox item the user may see, with whether the user may complete it.")
            .RequireAuthorization(Policies.ReadOrganisation);

        group.MapPost("/{id:guid}/complete", async (Guid id, CompleteRequest? body, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new CompleteInboxItemCommand(id, body?.Comment, body?.Data?.ToJsonString()), ct);
                return result.Outcome switch
                {
                    CompleteInboxItemOutcome.Completed => Results.Ok(new { message = result.Message }),
                    var outcome => Results.Problem(title: result.Message, statusCode: outcome switch
                    {
                        CompleteInboxItemOutcome.NotFound => StatusCodes.Status404NotFound,
                        CompleteInboxItemOutcome.AlreadyClosed => StatusCodes.Status409Conflict,
                        CompleteInboxItemOutcome.Forbidden => StatusCodes.Status403Forbidden,
                        _ => StatusCodes.Status400BadRequest,
                    }),
                };
            })
            .WithName("CompleteInboxItem")
            .WithSummary("Completes the item's task with {completedBy, comment, data}; only members of its unit today, or admins.")
            .RequireAuthorization(Policies.ActOnTasks);
        return app;
    }
}
