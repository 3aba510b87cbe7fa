using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkflowHost.Persistence.Workflows;

/// <summary>
/// The row writes of one engine commit sent as few commands as possible: the instance's guarded update first, then
/// set-based deletes and multi-row INSERTs, several statements per command. EF's SaveChanges sends one command per row
/// on SQLite (15–20 per burst); this sends one. Columns, value conversions (UTC instants) and parameter types come
/// from the EF model, so the SQL is the same on SQLite and PostgreSQL and cannot drift from the mapping.
/// </summary>
internal sealed class RowBatch(WorkflowHostDbContext db)
{
    // Both providers accept far more (SQLite 32 766, PostgreSQL 65 535); a burst rarely comes near.
    private const int MaxParametersPerCommand = 30_000;
    private const int MaxRowsPerInsert = 200;

    private readonly List<(string Sql, List<(RelationalTypeMapping Mapping, object? Value)> Parameters)> _statements = [];
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
    private bool _guarded;

    /// <summary>
    /// Replaces a row only if its concurrency token still holds <paramref name="expectedToken"/>: the first statement,
    /// <c>UPDATE … WHERE key AND token RETURNING key</c>; <see cref="ExecuteAsync"/> then reports whether it matched
    /// (the caller rolls the transaction back when it did not).
    /// </summary>
    public void UpdateIfUnchanged<TRow>(TRow row, object expectedToken) where TRow : class
    {
        if (_statements.Count > 0) throw new InvalidOperationException("The guarded update must be the first statement.");
        var entity = db.Model.FindEntityType(typeof(TRow))!;
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var token = entity.GetProperties().Single(p => p.IsConcurrencyToken);
        var properties = entity.GetProperties().Where(p => p != key).ToList();
        var parameters = properties.Select(p => Value(p, row)).ToList();
        parameters.Add(Value(key, row));
        parameters.Add(((RelationalTypeMapping)token.GetRelationalTypeMapping(), expectedToken));
        _statements.Add(($"UPDATE {Table(entity)} SET {string.Join(", ", properties.Select(p => Column(p) + " = {?}"))} " +
                         $"WHERE {Column(key)} = {{?}} AND {Column(token)} = {{?}} RETURNING {Column(key)}", parameters));
        _guarded = true;
    }

    public void DeleteByIds<TRow>(IReadOnlyCollection<string> ids) where TRow : class
    {
        if (ids.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(TRow))!;
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var mapping = (RelationalTypeMapping)key.GetRelationalTypeMapping();
        foreach (var chunk in ids.Chunk(MaxRowsPerInsert))
        {
            var parameters = chunk.Select(id => (mapping, (object?)id)).ToList();
            _statements.Add(($"DELETE FROM {Table(entity)} WHERE {Column(key)} IN ({Placeholders(parameters.Count)})", parameters));
        }
    }

    public void Insert<TRow>(IEnumerable<TRow> rows) where TRow : class
    {
        var entity = db.Model.FindEntityType(typeof(TRow))!;
        var properties = entity.GetProperties().ToList();
        var columns = string.Join(", ", properties.Select(Column));
        foreach (var chunk in rows.Chunk(MaxRowsPerInsert))
        {
            var parameters = new List<(RelationalTypeMapping, object?)>(chunk.Length * properties.Count);
            foreach (var row in chunk)
                foreach (var property in properties)
                {
                    parameters.Add(Value(property, row));
                }
            var values = string.Join(", ", Enumerable.Range(0, chunk.Length).Select(_ => $"({Placeholders(properties.Count)})"));
            _statements.Add(($"INSERT INTO {Table(entity)} ({columns}) VALUES {values}", parameters));
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

    // The mapping's converter (UTC instants) is applied when the parameter is created.
    private static (RelationalTypeMapping, object?) Value(IProperty property, object row) =>
        ((RelationalTypeMapping)property.GetRelationalTypeMapping(), property.GetGetter().GetClrValue(row));

    private string Table(IEntityType entity) => _sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());

    private string Column(IProperty property) =>
        _sql.DelimitIdentifier(property.GetColumnName(StoreObjectIdentifier.Table(property.DeclaringType.GetTableName()!, property.DeclaringType.GetSchema()))!);

    private static string Placeholders(int count) => string.Join(", ", Enumerable.Repeat("{?}", count));
}
