using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>
/// One value per EF model, made on first use. A compiled query is bound to the model it first ran against, and one
/// process may hold a SQLite and a PostgreSQL model (tests, a migration tool).
/// </summary>
internal sealed class PerModel<T>(Func<T> create) where T : class
{
    private readonly ConcurrentDictionary<IModel, T> _values = new();

    public T For(WorkflowHostDbContext db) => _values.GetOrAdd(db.Model, _ => create());
}
