using Microsoft.AspNetCore.Authorization;
using WorkflowHost.Identity;
using WorkflowHost.Workflows.Descriptors;

namespace WorkflowHost.Apis.Elsa;

/// <summary>
/// What the caller may do, decided by the same policy that guards the write endpoints. Studio shows read-only mode
/// when the write links are missing (ELSA-API §2.4); the server refuses the writes independently (403).
/// <see cref="Activities"/> is what the designer can draw: definitions are shown with unknown types as placeholders.
/// </summary>
public sealed record ElsaCaller(bool CanDesign, ActivityRegistry Activities)
{
    public static async Task<ElsaCaller> ResolveAsync(HttpContext context)
    {
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(context.User, Policies.DesignWorkflows);
        return new ElsaCaller(result.Succeeded, context.RequestServices.GetRequiredService<ActivityRegistry>());
    }
}

/// <summary>Elsa's hypermedia <c>{"href","rel","method"}</c>; Studio only looks at <c>rel</c>.</summary>
public sealed record ElsaLink(string Href, string Rel, string Method)
{
    /// <summary>Top-level links of the definition list; <c>bulk-publish</c> unlocks Studio's editing (create, import, bulk actions).</summary>
    public static IReadOnlyList<ElsaLink> ForDefinitionList(ElsaCaller caller)
    {
        List<ElsaLink> links =
        [
            new("/workflow-definitions", "self", "GET"),
            new("/workflow-definitions/validation/is-name-unique", "is-name-unique", "GET"),
            new("/workflow-definitions/many-by-id", "many-by-id", "GET"),
            new("/workflow-definitions/query/count", "count", "GET"),
        ];
        if (caller.CanDesign)
            links.AddRange(
            [
                new("/bulk-actions/delete/workflow-definitions/by-definition-id", "bulk-delete-by-definition-id", "POST"),
                new("/bulk-actions/delete/workflow-definitions/by-id", "bulk-delete-by-id", "POST"),
                new("/bulk-actions/publish/workflow-definitions/by-definition-ids", "bulk-publish", "POST"),
                new("/bulk-actions/retract/workflow-definitions/by-definition-ids", "bulk-retract", "POST"),
                new("/workflow-definitions/import", "import", "POST"),
                new("/workflow-definitions", "create", "POST"),
            ]);
        return links;
    }

    /// <summary>Links of one definition version; without <c>publish</c> Studio opens it read-only.</summary>
    public static IReadOnlyList<ElsaLink> ForDefinition(ElsaCaller caller, string definitionId, string versionId)
    {
        var id = Uri.EscapeDataString(definitionId);
        List<ElsaLink> links =
        [
            new($"/workflow-definitions/by-definition-id/{id}", "self", "GET"),
            new($"/workflow-definitions/by-id/{Uri.EscapeDataString(versionId)}", "self", "GET"),
            new($"/workflow-definitions/{id}/versions", "versions", "GET"),
            new($"/workflow-definitions/{id}/export", "export", "GET"),
        ];
        if (caller.CanDesign)
            links.AddRange(
            [
                new($"/workflow-definitions/{id}/execute", "execute", "POST"),
                new($"/workflow-definitions/{id}/dispatch", "dispatch", "POST"),
                new($"/workflow-definitions/{id}/publish", "publish", "POST"),
                new($"/workflow-definitions/{id}/retract", "retract", "POST"),
                new($"/workflow-definitions/{id}", "delete", "DELETE"),
                new($"/workflow-definitions/{id}/import", "import", "PUT"),
            ]);
        return links;
    }
}
