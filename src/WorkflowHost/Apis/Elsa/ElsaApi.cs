using WorkflowHost.Identity;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// Our implementation of the Elsa 3 REST API under <c>/elsa/api</c>, the contract Elsa Studio 3.8.2 speaks
/// (shared/elsa/ELSA-API.md). Every call needs a signed-in user with a role (Studio sends the page's per-user API
/// key); writes need <see cref="Policies.DesignWorkflows"/>, completing tasks <see cref="Policies.ActOnTasks"/>.
/// </summary>
public static class ElsaApi
{
    public const string BasePath = "/elsa/api";

    public static IEndpointRouteBuilder MapElsaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).WithTags("Elsa").RequireAuthorization(Policies.ReadOrganisation);
        api.MapServerInfoEndpoints();
        api.MapDescriptorEndpoints();
        api.MapWorkflowDefinitionEndpoints();
        api.MapWorkflowDefinitionBulkEndpoints();
        api.MapWorkflowExecutionEndpoints();
        api.MapWorkflowDefinitionGraphEndpoints();
        api.MapWorkflowInstanceEndpoints();
        api.MapWorkflowInstanceTransferEndpoints();
        api.MapActivityExecutionEndpoints();
        api.MapTaskEndpoints();
        api.MapActivityTestEndpoints();
        return app;
    }
}
