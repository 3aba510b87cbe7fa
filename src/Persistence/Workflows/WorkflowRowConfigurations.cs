using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHost.Persistence.Workflows;

// The engine's tables. No foreign keys: timers may name instances that do not exist yet (queued dispatches), and
// an instance's rows are deleted explicitly with it (EfWorkflowStateStore.DeleteInstanceAsync).

internal static class EngineColumns
{
    public const int Id = 100;
    public const int Name = 256;
    public const int Enum = 20;

    /// <summary>
    /// Columns fixed when the row is inserted. The engine's updates and upserts (<see cref="RowBatch"/>) leave them out
    /// of their SET lists, so SQLite does not rewrite the entries of the indexes on them at every commit.
    /// </summary>
    public static void FixedAfterInsert<TRow>(this EntityTypeBuilder<TRow> row, params string[] properties) where TRow : class
    {
        foreach (var property in properties) row.Property(property).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}

public sealed class WorkflowDefinitionRowConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRow>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRow> row)
    {
        row.ToTable("WorkflowDefinitions");
        row.HasKey(d => d.Id);
        row.Property(d => d.Id).HasMaxLength(EngineColumns.Id);
        row.Property(d => d.DefinitionId).HasMaxLength(EngineColumns.Id);
        row.Property(d => d.Name).HasMaxLength(EngineColumns.Name);
        row.Property(d => d.ToolVersion).HasMaxLength(EngineColumns.Enum);
        row.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        row.HasIndex(d => d.Name);
        row.HasIndex(d => d.IsLatest);
        row.HasIndex(d => d.IsPublished);
    }
}

public sealed class WorkflowInstanceRowConfiguration : IEntityTypeConfiguration<WorkflowInstanceRow>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRow> row)
    {
        row.ToTable("WorkflowInstances");
        row.HasKey(i => i.Id);
        row.Property(i => i.Id).HasMaxLength(EngineColumns.Id);
        row.Property(i => i.DefinitionId).HasMaxLength(EngineColumns.Id);
        row.Property(i => i.DefinitionVersionId).HasMaxLength(EngineColumns.Id);
        row.Property(i => i.Status).HasMaxLength(EngineColumns.Enum);
        row.Property(i => i.SubStatus).HasMaxLength(EngineColumns.Enum);
        row.Property(i => i.CorrelationId).HasMaxLength(EngineColumns.Name);
        row.Property(i => i.Name).HasMaxLength(EngineColumns.Name);
        row.Property(i => i.ParentWorkflowInstanceId).HasMaxLength(EngineColumns.Id);
        row.Property(i => i.RowVersion).IsConcurrencyToken();
        row.FixedAfterInsert(nameof(WorkflowInstanceRow.DefinitionId), nameof(WorkflowInstanceRow.DefinitionVersionId),
            nameof(WorkflowInstanceRow.Version), nameof(WorkflowInstanceRow.IsSystem), nameof(WorkflowInstanceRow.ParentWorkflowInstanceId),
            nameof(WorkflowInstanceRow.CreatedAt));
        row.HasIndex(i => i.DefinitionId);
        row.HasIndex(i => i.DefinitionVersionId);
        row.HasIndex(i => new { i.Status, i.SubStatus });
        row.HasIndex(i => i.CorrelationId);
        row.HasIndex(i => i.Name);
        row.HasIndex(i => i.ParentWorkflowInstanceId);
        row.HasIndex(i => i.CreatedAt);
        row.HasIndex(i => i.UpdatedAt);
        row.HasIndex(i => i.FinishedAt);
    }
}

public sealed class WorkflowBookmarkRowConfiguration : IEntityTypeConfiguration<WorkflowBookmarkRow>
{
    public void Configure(EntityTypeBuilder<WorkflowBookmarkRow> row)
    {
        row.ToTable("WorkflowBookmarks");
        row.HasKey(b => b.Id);
        row.Property(b => b.Id).HasMaxLength(EngineColumns.Id);
        row.Property(b => b.WorkflowInstanceId).HasMaxLength(EngineColumns.Id);
        row.Property(b => b.Name).HasMaxLength(EngineColumns.Name);
        row.Property(b => b.Hash).HasMaxLength(64);
        row.Property(b => b.ActivityInstanceId).HasMaxLength(EngineColumns.Id);
        row.HasIndex(b => new { b.Name, b.Hash });
        row.HasIndex(b => b.WorkflowInstanceId);
    }
}

public sealed class WorkflowTimerRowConfiguration : IEntityTypeConfiguration<WorkflowTimerRow>
{
    public void Configure(EntityTypeBuilder<WorkflowTimerRow> row)
    {
        row.ToTable("WorkflowTimers");
        row.HasKey(t => t.Id);
        row.Property(t => t.Id).HasMaxLength(EngineColumns.Id);
        row.Property(t => t.Kind).HasMaxLength(EngineColumns.Enum);
        row.Property(t => t.WorkflowInstanceId).HasMaxLength(EngineColumns.Id);
        row.Property(t => t.BookmarkId).HasMaxLength(EngineColumns.Id);
        row.Property(t => t.BookmarkName).HasMaxLength(EngineColumns.Name);
        row.Property(t => t.StimulusKey).HasMaxLength(EngineColumns.Name);
        row.Property(t => t.CorrelationId).HasMaxLength(EngineColumns.Name);
        row.Property(t => t.DefinitionId).HasMaxLength(EngineColumns.Id);
        row.Property(t => t.DefinitionVersionId).HasMaxLength(EngineColumns.Id);
        row.Property(t => t.ActivityId).HasMaxLength(EngineColumns.Name);
        row.Property(t => t.LeaseOwner).HasMaxLength(EngineColumns.Name);
        row.HasIndex(t => t.DueAt);
        row.HasIndex(t => t.WorkflowInstanceId);
        row.HasIndex(t => t.DefinitionId);
    }
}

public sealed class ActivityExecutionRecordRowConfiguration : IEntityTypeConfiguration<ActivityExecutionRecordRow>
{
    public void Configure(EntityTypeBuilder<ActivityExecutionRecordRow> row)
    {
        row.ToTable("ActivityExecutionRecords");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasMaxLength(EngineColumns.Id);
        row.Property(r => r.WorkflowInstanceId).HasMaxLength(EngineColumns.Id);
        row.Property(r => r.ActivityId).HasMaxLength(EngineColumns.Name);
        row.Property(r => r.ActivityType).HasMaxLength(EngineColumns.Name);
        row.Property(r => r.Status).HasMaxLength(EngineColumns.Enum);
        row.FixedAfterInsert(nameof(ActivityExecutionRecordRow.WorkflowInstanceId), nameof(ActivityExecutionRecordRow.ActivityId),
            nameof(ActivityExecutionRecordRow.ActivityNodeId), nameof(ActivityExecutionRecordRow.ActivityType));
        row.HasIndex(r => new { r.WorkflowInstanceId, r.ActivityNodeId });
    }
}

public sealed class WorkflowJournalEntryRowConfiguration : IEntityTypeConfiguration<WorkflowJournalEntryRow>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalEntryRow> row)
    {
        row.ToTable("WorkflowJournalEntries");
        row.HasKey(e => e.Id);
        row.Property(e => e.Id).HasMaxLength(EngineColumns.Id);
        row.Property(e => e.WorkflowInstanceId).HasMaxLength(EngineColumns.Id);
        row.Property(e => e.EventName).HasMaxLength(EngineColumns.Name);
        row.Property(e => e.ActivityId).HasMaxLength(EngineColumns.Name);
        row.Property(e => e.ActivityType).HasMaxLength(EngineColumns.Name);
        row.HasIndex(e => new { e.WorkflowInstanceId, e.Sequence }).IsUnique();
    }
}
