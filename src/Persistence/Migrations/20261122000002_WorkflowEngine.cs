using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkflowHost.Persistence.Migrations;

/// <summary>
/// The workflow engine's tables (src/Persistence/Workflows): definitions, instances, bookmarks, the due-item table
/// (timers), activity execution records and the journal. Provider-agnostic like the foundation: no column types.
/// </summary>
[DbContext(typeof(WorkflowHostDbContext))]
[Migration("20261122000002_WorkflowEngine")]
public sealed class WorkflowEngine : Migration
{
    private const int Id = 100, Name = 256, Enum = 20;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "WorkflowDefinitions",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: Id, nullable: false),
                DefinitionId = table.Column<string>(maxLength: Id, nullable: false),
                Name = table.Column<string>(maxLength: Name, nullable: true),
                Description = table.Column<string>(nullable: true),
                Version = table.Column<int>(nullable: false),
                IsLatest = table.Column<bool>(nullable: false),
                IsPublished = table.Column<bool>(nullable: false),
                IsSystem = table.Column<bool>(nullable: false),
                IsReadonly = table.Column<bool>(nullable: false),
                ToolVersion = table.Column<string>(maxLength: Enum, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ModelJson = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_WorkflowDefinitions", x => x.Id));
        migrationBuilder.CreateIndex("IX_WorkflowDefinitions_DefinitionId_Version", "WorkflowDefinitions", ["DefinitionId", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_WorkflowDefinitions_Name", "WorkflowDefinitions", "Name");
        migrationBuilder.CreateIndex("IX_WorkflowDefinitions_IsLatest", "WorkflowDefinitions", "IsLatest");
        migrationBuilder.CreateIndex("IX_WorkflowDefinitions_IsPublished", "WorkflowDefinitions", "IsPublished");

        migrationBuilder.CreateTable(
            name: "WorkflowInstances",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: Id, nullable: false),
                DefinitionId = table.Column<string>(maxLength: Id, nullable: false),
                DefinitionVersionId = table.Column<string>(maxLength: Id, nullable: false),
                Version = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: Enum, nullable: false),
                SubStatus = table.Column<string>(maxLength: Enum, nullable: false),
                CorrelationId = table.Column<string>(maxLength: Name, nullable: true),
                Name = table.Column<string>(maxLength: Name, nullable: true),
                IncidentCount = table.Column<int>(nullable: false),
                IsSystem = table.Column<bool>(nullable: false),
                ParentWorkflowInstanceId = table.Column<string>(maxLength: Id, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                FinishedAt = table.Column<DateTime>(nullable: true),
                RowVersion = table.Column<long>(nullable: false),
                StateJson = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_WorkflowInstances", x => x.Id));
        migrationBuilder.CreateIndex("IX_WorkflowInstances_DefinitionId", "WorkflowInstances", "DefinitionId");
        migrationBuilder.CreateIndex("IX_WorkflowInstances_DefinitionVersionId", "WorkflowInstances", "DefinitionVersionId");
        migrationBuilder.CreateIndex("IX_WorkflowInstances_Status_SubStatus", "WorkflowInstances", ["Status", "SubStatus"]);
        migrationBuilder.CreateIndex("IX_WorkflowInstances_CorrelationId", "WorkflowInstances", "CorrelationId");
        migrationBuilder.CreateIndex("IX_WorkflowInstances_Name", "WorkflowInstances", "Name");
        migrationBuilder.CreateIndex("IX_WorkflowInstances_ParentWorkflowInstanceId", "WorkflowInstances", "ParentWorkflowInstanceId");
        migrationBuilder.CreateIndex("IX_WorkflowInstances_CreatedAt", "WorkflowInstances", "CreatedAt");
        migrationBuilder.CreateIndex("IX_WorkflowInstances_UpdatedAt", "WorkflowInstances", "UpdatedAt");
        migrationBuilder.CreateIndex("IX_WorkflowInstances_FinishedAt", "WorkflowInstances", "FinishedAt");

        migrationBuilder.CreateTable(
            name: "WorkflowBookmarks",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: Id, nullable: false),
                WorkflowInstanceId = table.Column<string>(maxLength: Id, nullable: false),
                Name = table.Column<string>(maxLength: Name, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
                ActivityInstanceId = table.Column<string>(maxLength: Id, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                BookmarkJson = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_WorkflowBookmarks", x => x.Id));
        migrationBuilder.CreateIndex("IX_WorkflowBookmarks_Name_Hash", "WorkflowBookmarks", ["Name", "Hash"]);
        migrationBuilder.CreateIndex("IX_WorkflowBookmarks_WorkflowInstanceId", "WorkflowBookmarks", "WorkflowInstanceId");

        migrationBuilder.CreateTable(
            name: "WorkflowTimers",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: Id, nullable: false),
                Kind = table.Column<string>(maxLength: Enum, nullable: false),
                DueAt = table.Column<DateTime>(nullable: false),
                WorkflowInstanceId = table.Column<string>(maxLength: Id, nullable: true),
                BookmarkId = table.Column<string>(maxLength: Id, nullable: true),
                BookmarkName = table.Column<string>(maxLength: Name, nullable: true),
                StimulusKey = table.Column<string>(maxLength: Name, nullable: true),
                CorrelationId = table.Column<string>(maxLength: Name, nullable: true),
                DefinitionId = table.Column<string>(maxLength: Id, nullable: true),
                DefinitionVersionId = table.Column<string>(maxLength: Id, nullable: true),
                ActivityId = table.Column<string>(maxLength: Name, nullable: true),
                PayloadJson = table.Column<string>(nullable: true),
                LeaseOwner = table.Column<string>(maxLength: Name, nullable: true),
                LeaseUntil = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_WorkflowTimers", x => x.Id));
        migrationBuilder.CreateIndex("IX_WorkflowTimers_DueAt", "WorkflowTimers", "DueAt");
        migrationBuilder.CreateIndex("IX_WorkflowTimers_WorkflowInstanceId", "WorkflowTimers", "WorkflowInstanceId");
        migrationBuilder.CreateIndex("IX_WorkflowTimers_DefinitionId", "WorkflowTimers", "DefinitionId");

        migrationBuilder.CreateTable(
            name: "ActivityExecutionRecords",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: Id, nullable: false),
                WorkflowInstanceId = table.Column<string>(maxLength: Id, nullable: false),
                ActivityId = table.Column<string>(maxLength: Name, nullable: false),
                ActivityNodeId = table.Column<string>(nullable: false),
                ActivityType = table.Column<string>(maxLength: Name, nullable: false),
                Status = table.Column<string>(maxLength: Enum, nullable: false),
                HasBookmarks = table.Column<bool>(nullable: false),
                CallStackDepth = table.Column<int>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                RecordJson = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ActivityExecutionRecords", x => x.Id));
        migrationBuilder.CreateIndex("IX_ActivityExecutionRecords_WorkflowInstanceId_ActivityNodeId", "ActivityExecutionRecords",
            ["WorkflowInstanceId", "ActivityNodeId"]);

        migrationBuilder.CreateTable(
            name: "WorkflowJournalEntries",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: Id, nullable: false),
                WorkflowInstanceId = table.Column<string>(maxLength: Id, nullable: false),
                Sequence = table.Column<long>(nullable: false),
                Timestamp = table.Column<DateTime>(nullable: false),
                EventName = table.Column<string>(maxLength: Name, nullable: false),
                ActivityId = table.Column<string>(maxLength: Name, nullable: false),
                ActivityType = table.Column<string>(maxLength: Name, nullable: false),
                NodeId = table.Column<string>(nullable: false),
                EntryJson = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_WorkflowJournalEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_WorkflowJournalEntries_WorkflowInstanceId_Sequence", "WorkflowJournalEntries",
            ["WorkflowInstanceId", "Sequence"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "WorkflowJournalEntries", "ActivityExecutionRecords", "WorkflowTimers", "WorkflowBookmarks",
                     "WorkflowInstances", "WorkflowDefinitions",
                 })
            migrationBuilder.DropTable(table);
    }
}
