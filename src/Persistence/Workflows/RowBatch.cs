using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>
/// The row writes of one engine commit sent as few commands as possible: the instance's guarded update first, then
/// set-based deletes and multi-row INSERTs and upserts, several statements per command. EF's SaveChanges sends one command per row
/// on SQLite (15–20 per burst); this sends one. Columns, value conversions (UTC instants) and parameter types come
/// from the EF model, so the SQL is the same on SQLite and PostgreSQL and cannot drift from the mapping.
/// </summary>
internal sealed class RowBatch(WorkflowHostDbContext db)
{
    // Both providers accept far more (SQLite 32 766, PostgreSQL 65 535); a burst rarely comes near.
    private const int MaxParametersPerCommand = 30_000;
    private const int MaxRowsPerInsert = 200;

    private static readonly ConcurrentDictionary<(IModel, Type), TableShape> Shapes = new();

    private readonly List<(string Sql, List<(RelationalTypeMapping Mapping, object? Value)> Parameters)> _statements = [];
    private bool _guarded;

    /// <summary>A row type's table as SQL pieces, worked out from the EF model once per model (not per commit).</summary>
    private sealed class TableShape
    {
        public TableShape(IEntityType entity, ISqlGenerationHelper sql)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);
            Table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
            Key = entity.FindPrimaryKey()!.Properties.Single();
            KeyColumn = Column(Key);
            KeyMapping = (RelationalTypeMapping)Key.GetRelationalTypeMapping();
            Properties = entity.GetProperties().Select(p => new Column(Column(p), (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.GetGetter(),
                p == Key, p != Key && p.GetAfterSaveBehavior() == PropertySaveBehavior.Save)).ToList();
            ColumnList = string.Join(", ", Properties.Select(p => p.Name));
            RowPlaceholders = $"({Placeholders(Properties.Count)})";
            if (entity.GetProperties().SingleOrDefault(p => p.IsConcurrencyToken) is { } token)
            {
                TokenColumn = Column(token);
                TokenMapping = (RelationalTypeMapping)token.GetRelationalTypeMapping();
            }
        }

        public string Table { get; }
        public IProperty Key { get; }
        public string KeyColumn { get; }
        public RelationalTypeMapping KeyMapping { get; }
        public IReadOnlyList<Column> Properties { get; }
        public string ColumnList { get; }
        public string RowPlaceholders { get; }
        public string? TokenColumn { get; }
        public RelationalTypeMapping? TokenMapping { get; }
    }

    // The mapping's converter (UTC instants) is applied when the parameter is created.
    // Updatable: what an update or an upsert sets (the key and the columns fixed after insert are left out).
    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool IsKey, bool IsUpdatable);

    private TableShape Shape<TRow>() =>
        Shapes.GetOrAdd((db.Model, typeof(TRow)), key => new TableShape(key.Item1.FindEntityType(key.Item2)!, db.GetService<ISqlGenerationHelper>()));

    /// <summary>
    /// Replaces a row only if its concurrency token still holds <paramref name="expectedToken"/>: the first statement,
    /// <c>UPDATE … WHERE key AND token RETURNING key</c>; <see cref="ExecuteAsync"/> then reports whether it matched
    /// (the caller rolls the transaction back when it did not).
    /// </summary>
    public void UpdateIfUnchanged<TRow>(TRow row, object expectedToken) where TRow : class
    {
        if (_statements.Count > 0) throw new InvalidOperationException("The guarded update must be the first statement.");
        var shape = Shape<TRow>();
        var columns = shape.Properties.Where(p => p.IsUpdatable).ToList();
        var parameters = columns.Select(p => (p.Mapping, p.Getter.GetClrValue(row))).ToList();
        parameters.Add((shape.KeyMapping, shape.Key.GetGetter().GetClrValue(row)));
        parameters.Add((shape.TokenMapping!, expectedToken));
        _statements.Add(($"UPDATE {shape.Table} SET {string.Join(", ", columns.Select(p => p.Name + " = {?}"))} " +
                         $"WHERE {shape.KeyColumn} = {{?}} AND {shape.TokenColumn} = {{?}} RETURNING {shape.KeyColumn}", parameters));
        _guarded = true;
    }

    public void DeleteByIds<TRow>(IReadOnlyCollection<string> ids) where TRow : class
    {
        if (ids.Count == 0) return;
        var shape = Shape<TRow>();
        foreach (var chunk in ids.Chunk(MaxRowsPerInsert))
        {
            var parameters = chunk.Select(id => (shape.KeyMapping, (object?)id)).ToList();
            _statements.Add(($"DELETE FROM {shape.Table} WHERE {shape.KeyColumn} IN ({Placeholders(parameters.Count)})", parameters));
        }
    }

    public void Insert<TRow>(IEnumerable<TRow> rows) where TRow : class => AddInserts(rows, _ => "");

    /// <summary>
    /// Inserts the rows, or updates the updatable columns of those whose key exists (<c>INSERT … ON CONFLICT (key) DO
    /// UPDATE</c>, the same on SQLite and PostgreSQL): a row rewritten at every commit (an activity's record) keeps its
    /// place and its index entries.
    /// </summary>
    public void Upsert<TRow>(IEnumerable<TRow> rows) where TRow : class => AddInserts(rows, shape =>
        $" ON CONFLICT ({shape.KeyColumn}) DO UPDATE SET " +
        string.Join(", ", shape.Properties.Where(p => p.IsUpdatable).Select(p => $"{p.Name} = excluded.{p.Name}")));

    private void AddInserts<TRow>(IEnumerable<TRow> rows, Func<TableShape, string> onConflict) where TRow : class
    {
        var shape = Shape<TRow>();
        foreach (var chunk in rows.Chunk(MaxRowsPerInsert))
        {
            var parameters = new List<(RelationalTypeMapping, object?)>(chunk.Length * shape.Properties.Count);
            foreach (var row in chunk)
                foreach (var property in shape.Properties)
                    parameters.Add((property.Mapping, property.Getter.GetClrValue(row)));
            var values = string.Join(", ", Enumerable.Repeat(shape.RowPlaceholders, chunk.Length));
            _statements.Add(($"INSERT INTO {shape.Table} ({shape.ColumnList}) VALUES {values}{onConflict(shape)}", parameters));
        }
    }

    /// <summary>
    /// Sends the statements in the context's current transaction. False when the guarded update (if any) found its row
    /// changed; the other statements have run then too, so the caller must roll back.
    /// </summary>
    public async Task<bool> ExecuteAsync(CancellationToken cancellationToken)
    {
        var matched = true;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var index = 0;
        while (index < _statements.Count)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder();
            var count = 0;
            for (; index < _statements.Count && (count == 0 || count + _statements[index].Parameters.Count <= MaxParametersPerCommand); index++)
            {
                var (sql, parameters) = _statements[index];
                // Placeholders are written as {?}; they are numbered in command order.
                var builder = new StringBuilder(sql.Length + parameters.Count * 4);
                var parameter = 0;
                for (var i = 0; i < sql.Length; i++)
                {
                    if (sql[i] == '{' && i + 2 < sql.Length && sql[i + 1] == '?' && sql[i + 2] == '}')
                    {
                        var (mapping, value) = parameters[parameter++];
                        var name = "@p" + count++;
                        command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable: true));
                        builder.Append(name);
                        i += 2;
                    }
                    else builder.Append(sql[i]);
                }
                text.Append(builder).Append(";\n");
            }
            command.CommandText = text.ToString();
            if (_guarded)
            {
                // The guarded update is the first statement of the first command; reading through every result set
                // runs the rest.
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                matched = await reader.ReadAsync(cancellationToken);
                while (await reader.NextResultAsync(cancellationToken)) { }
                _guarded = false;
            }
            else await command.ExecuteNonQueryAsync(cancellationToken);
        }
        _statements.Clear();
        return matched;
    }

    private static string Placeholders(int count) => string.Join(", ", Enumerable.Repeat("{?}", count));
}
