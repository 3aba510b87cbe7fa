using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>Definition versions in <c>WorkflowDefinitions</c>; semantics of <see cref="InMemoryWorkflowStore"/>.</summary>
public sealed class EfWorkflowDefinitionStore(WorkflowHostDbContext db, EngineTransaction transactions) : IWorkflowDefinitionStore
{
    private static readonly PerModel<Func<WorkflowHostDbContext, string, CancellationToken, Task<WorkflowDefinitionRow?>>> ById = new(() =>
        EF.CompileAsyncQuery((WorkflowHostDbContext db, string id, CancellationToken _) =>
            db.Set<WorkflowDefinitionRow>().AsNoTracking().FirstOrDefault(d => d.Id == id)));

    private IQueryable<WorkflowDefinitionRow> Definitions => db.Set<WorkflowDefinitionRow>().AsNoTracking();

    public async Task<WorkflowDefinitionVersion?> FindByIdAsync(string versionId, CancellationToken cancellationToken = default) =>
        await ById.For(db)(db, versionId, cancellationToken) is { } row ? RowMapping.ToVersion(row) : null;

    public async Task<WorkflowDefinitionVersion?> FindAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken = default)
    {
        var matches = Matching(Definitions.Where(d => d.DefinitionId == definitionId), versionOptions);
        var ordered = versionOptions.Selector == VersionSelector.LatestOrPublished
            ? matches.OrderByDescending(d => d.IsLatest).ThenByDescending(d => d.Version)
            : matches.OrderByDescending(d => d.Version);
        return await ordered.FirstOrDefaultAsync(cancellationToken) is { } row ? RowMapping.ToVersion(row) : null;
    }

    public async Task<IReadOnlyList<WorkflowDefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        (await Definitions.Where(d => d.DefinitionId == definitionId).OrderBy(d => d.Version).ToListAsync(cancellationToken))
        .Select(RowMapping.ToVersion).ToList();

    public async Task<IReadOnlyList<string>> ListPublishedVersionIdsAsync(CancellationToken cancellationToken = default) =>
        await Definitions.Where(d => d.IsPublished).Select(d => d.Id).ToListAsync(cancellationToken);

    public async Task<Page<WorkflowDefinitionVersion>> QueryAsync(WorkflowDefinitionQuery query, CancellationToken cancellationToken = default)
    {
        var items = Matching(Definitions, query.VersionOptions);
        if (query.DefinitionIds is { Count: > 0 } definitionIds) items = items.Where(d => definitionIds.Contains(d.DefinitionId));
        if (query.Ids is { Count: > 0 } ids) items = items.Where(d => ids.Contains(d.Id));
        if (query.IsSystem is { } isSystem) items = items.Where(d => d.IsSystem == isSystem);
        if (!string.IsNullOrWhiteSpace(query.SearchTerm))
        {
            var term = query.SearchTerm.Trim().ToLower();
            items = items.Where(d => d.Id.ToLower().Contains(term) || d.DefinitionId.ToLower().Contains(term)
                || (d.Name != null && d.Name.ToLower().Contains(term)) || (d.Description != null && d.Description.ToLower().Contains(term)));
        }
        var orderBy = query.OrderBy ?? DefinitionOrderBy.Name;
        var ascending = (query.OrderDirection ?? (orderBy == DefinitionOrderBy.Name ? OrderDirection.Ascending : OrderDirection.Descending)) == OrderDirection.Ascending;
        items = orderBy switch
        {
            DefinitionOrderBy.Version => ascending ? items.OrderBy(d => d.Version) : items.OrderByDescending(d => d.Version),
            DefinitionOrderBy.Created => ascending ? items.OrderBy(d => d.CreatedAt) : items.OrderByDescending(d => d.CreatedAt),
            _ => ascending ? items.OrderBy(d => d.Name ?? "") : items.OrderByDescending(d => d.Name ?? ""),
        };
        var page = await Paging.ToPageAsync(items, query.Page, query.PageSize, cancellationToken);
        return new Page<WorkflowDefinitionVersion>(page.Items.Select(RowMapping.ToVersion).ToList(), page.TotalCount);
    }

    public async Task<bool> IsNameUniqueAsync(string name, string? excludeDefinitionId, CancellationToken cancellationToken = default)
    {
        var normalised = name.Trim().ToLower();
        return !await Definitions.AnyAsync(d => d.DefinitionId != excludeDefinitionId && d.Name != null && d.Name.Trim().ToLower() == normalised, cancellationToken);
    }

    public Task CommitAsync(DefinitionCommit commit, CancellationToken cancellationToken = default) =>
        transactions.RunAsync(async db =>
        {
            var replaced = commit.DeletedVersionIds.Concat(commit.Upserts.Select(v => v.Id)).Distinct().ToList();
            if (replaced.Count > 0)
                await db.Set<WorkflowDefinitionRow>().Where(d => replaced.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            db.AddRange(commit.Upserts.Select(RowMapping.ToRow));

            var trigger = nameof(ScheduledWorkKind.Trigger);
            var resetDefinitions = commit.ResetTriggersOfDefinitionIds.ToList();
            var timerIds = commit.TimersAdded.Select(t => t.Id).ToList();
            if (resetDefinitions.Count > 0 || timerIds.Count > 0)
                await db.Set<WorkflowTimerRow>()
                    .Where(t => (t.Kind == trigger && t.DefinitionId != null && resetDefinitions.Contains(t.DefinitionId)) || timerIds.Contains(t.Id))
                    .ExecuteDeleteAsync(cancellationToken);
            db.AddRange(commit.TimersAdded.Select(RowMapping.ToRow));
        }, commit.Notifications, cancellationToken);

    private static IQueryable<WorkflowDefinitionRow> Matching(IQueryable<WorkflowDefinitionRow> rows, VersionOptions options) => options.Selector switch
    {
        VersionSelector.Latest => rows.Where(d => d.IsLatest),
        VersionSelector.Published => rows.Where(d => d.IsPublished),
        VersionSelector.LatestOrPublished => rows.Where(d => d.IsLatest || d.IsPublished),
        VersionSelector.LatestAndPublished => rows.Where(d => d.IsLatest && d.IsPublished),
        VersionSelector.Draft => rows.Where(d => !d.IsPublished),
        VersionSelector.Specific => rows.Where(d => d.Version == options.Version),
        _ => rows,
    };
}
