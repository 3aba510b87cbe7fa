using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkflowHost.Persistence.Migrations;

/// <summary>
/// Implementation plans (plan 003): each executing unit's assignment of a plan task, its progress reports, the target
/// values reported with them, and the recurring occasions that came. Provider-agnostic like the earlier migrations
/// (no column types).
/// </summary>
[DbContext(typeof(WorkflowHostDbContext))]
[Migration("20261122000004_PlanTasks")]
public sealed class PlanTasks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PlanTaskAssignments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AssignedAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                DueUtc = table.Column<DateTime>(nullable: true),
                IsOverdue = table.Column<bool>(nullable: false),
                LastProgressText = table.Column<string>(nullable: true),
                LastReportedAt = table.Column<DateTime>(nullable: true),
                PlanId = table.Column<string>(maxLength: 100, nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                TaskId = table.Column<string>(maxLength: 100, nullable: false),
                TaskNumber = table.Column<string>(maxLength: 20, nullable: false),
                Title = table.Column<string>(nullable: false),
                UnitCode = table.Column<string>(maxLength: 40, nullable: false),
                WorkflowInstanceId = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanTaskAssignments", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_PlanTaskAssignments_TaskId", "PlanTaskAssignments", "TaskId", unique: true);
        migrationBuilder.CreateIndex("IX_PlanTaskAssignments_WorkflowInstanceId_TaskNumber", "PlanTaskAssignments", ["WorkflowInstanceId", "TaskNumber"]);
        migrationBuilder.CreateIndex("IX_PlanTaskAssignments_PlanId_UnitCode", "PlanTaskAssignments", ["PlanId", "UnitCode"]);

        migrationBuilder.CreateTable(
            name: "PlanTaskProgress",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AssignmentId = table.Column<Guid>(nullable: false),
                Completes = table.Column<bool>(nullable: false),
                Late = table.Column<bool>(nullable: false),
                ReportedAt = table.Column<DateTime>(nullable: false),
                ReportedBy = table.Column<string>(maxLength: 256, nullable: true),
                Text = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanTaskProgress", x => x.Id);
                table.ForeignKey("FK_PlanTaskProgress_PlanTaskAssignments_AssignmentId", x => x.AssignmentId, "PlanTaskAssignments", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_PlanTaskProgress_AssignmentId", "PlanTaskProgress", "AssignmentId");

        migrationBuilder.CreateTable(
            name: "PlanTargetValues",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<string>(maxLength: 100, nullable: false),
                ProgressEntryId = table.Column<Guid>(nullable: false),
                ReportedAt = table.Column<DateTime>(nullable: false),
                TargetCode = table.Column<string>(maxLength: 40, nullable: false),
                TaskNumber = table.Column<string>(maxLength: 20, nullable: false),
                UnitCode = table.Column<string>(maxLength: 40, nullable: false),
                Value = table.Column<decimal>(nullable: false),
                WorkflowInstanceId = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanTargetValues", x => x.Id);
                table.ForeignKey("FK_PlanTargetValues_PlanTaskProgress_ProgressEntryId", x => x.ProgressEntryId, "PlanTaskProgress", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_PlanTargetValues_PlanId_TargetCode_UnitCode", "PlanTargetValues", ["PlanId", "TargetCode", "UnitCode"]);
        migrationBuilder.CreateIndex("IX_PlanTargetValues_ProgressEntryId", "PlanTargetValues", "ProgressEntryId");

        migrationBuilder.CreateTable(
            name: "PlanOccasions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ActivityId = table.Column<string>(maxLength: 100, nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Index = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 300, nullable: false),
                PlanId = table.Column<string>(maxLength: 100, nullable: true),
                WorkflowInstanceId = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanOccasions", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_PlanOccasions_WorkflowInstanceId_Date", "PlanOccasions", ["WorkflowInstanceId", "Date"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Children before parents (foreign keys).
        foreach (var table in new[] { "PlanOccasions", "PlanTargetValues", "PlanTaskProgress", "PlanTaskAssignments" })
            migrationBuilder.DropTable(table);
    }
}
