using Microsoft.EntityFrameworkCore;
using WorkflowHost.Workflows.Persistence;

namespace WorkflowHost.Persistence.Workflows;

internal static class Paging
{
    /// <summary>Offset = page × size; no paging given → everything; a page without a size is the whole remainder.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(IQueryable<T> items, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (page is null && pageSize is null)
        {
            var all = await items.ToListAsync(cancellationToken);
            return new Page<T>(all, all.Count);
        }
        var total = await items.CountAsync(cancellationToken);
        var size = pageSize ?? total;
        var list = await items.Skip((page ?? 0) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<T>(list, total);
    }
}
