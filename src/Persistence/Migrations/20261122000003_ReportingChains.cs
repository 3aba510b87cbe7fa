using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace WorkflowHost.Persistence.Migrations;

/// <summary>
/// The reporting domain: reports with their versions and content, vote sessions with voters and ballots,
/// submissions, reminder schedules with planned reminders, reminder notices, escalation tasks, the holiday override
/// table and the inbox. Provider-agnostic like the foundation (no column types; both providers' identity
/// annotations). Relational rows for what an auditor queries; JSON text only for leaf value bags read with their row
/// (a vote decision's minutes, a notice's recipients, return reasons, inbox assignees/payload/result).
/// </summary>
[DbContext(typeof(WorkflowHostDbContext))]
[Migration("20261122000003_ReportingChains")]
public sealed class ReportingChains : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Reports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LevelKey = table.Column<string>(maxLength: 40, nullable: false),
                PlanId = table.Column<string>(maxLength: 100, nullable: false),
                UnitCode = table.Column<string>(maxLength: 40, nullable: false),
                WorkflowInstanceId = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Reports", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_Reports_PlanId_UnitCode", "Reports", ["PlanId", "UnitCode"]);
        migrationBuilder.CreateIndex("IX_Reports_UnitCode", "Reports", "UnitCode");
        migrationBuilder.CreateIndex("IX_Reports_WorkflowInstanceId_UnitCode", "Reports", ["WorkflowInstanceId", "UnitCode"]);

        migrationBuilder.CreateTable(
            name: "ReportVersions",
            columns: table => new
            {
                ReportId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                BasedOn = table.Column<int>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportVersions", x => new { x.ReportId, x.Number });
                table.ForeignKey("FK_ReportVersions_Reports_ReportId", x => x.ReportId, "Reports", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReportSectionTexts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ReportId = table.Column<Guid>(nullable: false),
                SectionNumber = table.Column<string>(maxLength: 40, nullable: false),
                Text = table.Column<string>(nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportSectionTexts", x => x.Id);
                table.ForeignKey("FK_ReportSectionTexts_ReportVersions_ReportId_VersionNumber", x => new { x.ReportId, x.VersionNumber }, "ReportVersions", ["ReportId", "Number"],
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ReportSectionTexts_ReportId_VersionNumber", "ReportSectionTexts", ["ReportId", "VersionNumber"]);

        migrationBuilder.CreateTable(
            name: "ReportIndicatorEntries",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ChildrenSum = table.Column<decimal>(nullable: true),
                Code = table.Column<string>(maxLength: 60, nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                Value = table.Column<decimal>(nullable: true),
                VersionNumber = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportIndicatorEntries", x => x.Id);
                table.ForeignKey("FK_ReportIndicatorEntries_ReportVersions_ReportId_VersionNumber", x => new { x.ReportId, x.VersionNumber }, "ReportVersions", ["ReportId", "Number"],
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ReportIndicatorEntries_ReportId_VersionNumber", "ReportIndicatorEntries", ["ReportId", "VersionNumber"]);

        migrationBuilder.CreateTable(
            name: "ReportLocalIndicators",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Code = table.Column<string>(maxLength: 60, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Name = table.Column<string>(maxLength: 500, nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                Unit = table.Column<string>(maxLength: 40, nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportLocalIndicators", x => x.Id);
                table.ForeignKey("FK_ReportLocalIndicators_ReportVersions_ReportId_VersionNumber", x => new { x.ReportId, x.VersionNumber }, "ReportVersions", ["ReportId", "Number"],
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ReportLocalIndicators_ReportId_VersionNumber", "ReportLocalIndicators", ["ReportId", "VersionNumber"]);

        migrationBuilder.CreateTable(
            name: "ReportComments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AtUtc = table.Column<DateTime>(nullable: false),
                Author = table.Column<string>(maxLength: 256, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportComments", x => x.Id);
                table.ForeignKey("FK_ReportComments_ReportVersions_ReportId_VersionNumber", x => new { x.ReportId, x.VersionNumber }, "ReportVersions", ["ReportId", "Number"],
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ReportComments_ReportId_VersionNumber", "ReportComments", ["ReportId", "VersionNumber"]);

        migrationBuilder.CreateTable(
            name: "VoteSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CollectiveTitle = table.Column<string>(maxLength: 200, nullable: false),
                Deadline = table.Column<DateTime>(nullable: true),
                DecisionJson = table.Column<string>(nullable: true),
                OpenedAt = table.Column<DateTime>(nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                ReportVersion = table.Column<int>(nullable: false),
                RuleJson = table.Column<string>(nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                UnitCode = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VoteSessions", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_VoteSessions_ReportId_ReportVersion", "VoteSessions", ["ReportId", "ReportVersion"]);
        migrationBuilder.CreateIndex("IX_VoteSessions_UnitCode", "VoteSessions", "UnitCode");

        migrationBuilder.CreateTable(
            name: "VoteSessionVoters",
            columns: table => new
            {
                VoteSessionId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Id = table.Column<Guid>(nullable: false),
                MemberKey = table.Column<string>(maxLength: 100, nullable: false),
                PersonName = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VoteSessionVoters", x => new { x.VoteSessionId, x.Position });
                table.ForeignKey("FK_VoteSessionVoters_VoteSessions_VoteSessionId", x => x.VoteSessionId, "VoteSessions", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "VoteBallots",
            columns: table => new
            {
                VoteSessionId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                CastAt = table.Column<DateTime>(nullable: false),
                Choice = table.Column<string>(maxLength: 20, nullable: false),
                Comment = table.Column<string>(nullable: true),
                Id = table.Column<Guid>(nullable: false),
                MemberKey = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VoteBallots", x => new { x.VoteSessionId, x.Sequence });
                table.ForeignKey("FK_VoteBallots_VoteSessions_VoteSessionId", x => x.VoteSessionId, "VoteSessions", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Submissions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AcknowledgedAt = table.Column<DateTime>(nullable: true),
                AcknowledgedBy = table.Column<string>(maxLength: 256, nullable: true),
                Attempt = table.Column<int>(nullable: false),
                Deadline = table.Column<DateTime>(nullable: true),
                ForwardedAt = table.Column<DateTime>(nullable: true),
                ForwardedBy = table.Column<string>(maxLength: 256, nullable: true),
                FromUnitCode = table.Column<string>(maxLength: 40, nullable: false),
                PreviousSubmissionId = table.Column<Guid>(nullable: true),
                ReportId = table.Column<Guid>(nullable: false),
                ReportVersion = table.Column<int>(nullable: false),
                ResubmittedAsId = table.Column<Guid>(nullable: true),
                ReturnReasonsJson = table.Column<string>(nullable: false),
                ReturnedAt = table.Column<DateTime>(nullable: true),
                ReturnedBy = table.Column<string>(maxLength: 256, nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: false),
                SubmittedBy = table.Column<string>(maxLength: 256, nullable: false),
                ToUnitCode = table.Column<string>(maxLength: 40, nullable: false),
                ViaUnitCode = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Submissions", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_Submissions_FromUnitCode", "Submissions", "FromUnitCode");
        migrationBuilder.CreateIndex("IX_Submissions_ReportId_Attempt", "Submissions", ["ReportId", "Attempt"], unique: true);
        migrationBuilder.CreateIndex("IX_Submissions_ToUnitCode", "Submissions", "ToUnitCode");
        migrationBuilder.CreateIndex("IX_Submissions_ViaUnitCode", "Submissions", "ViaUnitCode");

        migrationBuilder.CreateTable(
            name: "UnitReminderSchedules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Deadline = table.Column<DateTime>(nullable: false),
                DeadlineLabel = table.Column<string>(maxLength: 200, nullable: false),
                EscalationAt = table.Column<DateTime>(nullable: true),
                EscalationTaskId = table.Column<Guid>(nullable: true),
                PlanKey = table.Column<string>(maxLength: 100, nullable: false),
                Subject = table.Column<string>(maxLength: 1000, nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: true),
                UnitCode = table.Column<string>(maxLength: 40, nullable: false),
                UnitName = table.Column<string>(maxLength: 300, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UnitReminderSchedules", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_UnitReminderSchedules_PlanKey_UnitCode", "UnitReminderSchedules", ["PlanKey", "UnitCode"]);
        migrationBuilder.CreateIndex("IX_UnitReminderSchedules_UnitCode", "UnitReminderSchedules", "UnitCode");

        migrationBuilder.CreateTable(
            name: "PlannedReminders",
            columns: table => new
            {
                RowId = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CancelledAt = table.Column<DateTime>(nullable: true),
                DueAt = table.Column<DateTime>(nullable: false),
                Id = table.Column<Guid>(nullable: false),
                InWorkingDays = table.Column<bool>(nullable: false),
                OffsetDays = table.Column<int>(nullable: false),
                ScheduleId = table.Column<Guid>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlannedReminders", x => x.RowId);
                table.ForeignKey("FK_PlannedReminders_UnitReminderSchedules_ScheduleId", x => x.ScheduleId, "UnitReminderSchedules", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_PlannedReminders_Id", "PlannedReminders", "Id", unique: true);
        migrationBuilder.CreateIndex("IX_PlannedReminders_ScheduleId", "PlannedReminders", "ScheduleId");

        migrationBuilder.CreateTable(
            name: "ReminderNotices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Channel = table.Column<string>(maxLength: 20, nullable: false),
                Deadline = table.Column<DateTime>(nullable: false),
                OffsetLabel = table.Column<string>(maxLength: 20, nullable: false),
                PlanKey = table.Column<string>(maxLength: 100, nullable: false),
                RecipientsJson = table.Column<string>(nullable: false),
                ReminderId = table.Column<Guid>(nullable: false),
                ScheduleId = table.Column<Guid>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: false),
                Text = table.Column<string>(nullable: false),
                UnitCode = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReminderNotices", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_ReminderNotices_ScheduleId", "ReminderNotices", "ScheduleId");
        migrationBuilder.CreateIndex("IX_ReminderNotices_UnitCode", "ReminderNotices", "UnitCode");

        migrationBuilder.CreateTable(
            name: "EscalationTasks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
                ClosedBy = table.Column<string>(maxLength: 256, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Description = table.Column<string>(nullable: false),
                Due = table.Column<DateTime>(nullable: true),
                LaggardUnitCode = table.Column<string>(maxLength: 40, nullable: false),
                LaggardUnitName = table.Column<string>(maxLength: 300, nullable: false),
                Note = table.Column<string>(nullable: true),
                PlanKey = table.Column<string>(maxLength: 100, nullable: false),
                ScheduleId = table.Column<Guid>(nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                SupervisingUnitCode = table.Column<string>(maxLength: 40, nullable: true),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                UrgingBodyCode = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EscalationTasks", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_EscalationTasks_ScheduleId", "EscalationTasks", "ScheduleId");
        migrationBuilder.CreateIndex("IX_EscalationTasks_SupervisingUnitCode", "EscalationTasks", "SupervisingUnitCode");
        migrationBuilder.CreateIndex("IX_EscalationTasks_UrgingBodyCode", "EscalationTasks", "UrgingBodyCode");

        migrationBuilder.CreateTable(
            name: "HolidayOverrides",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                Year = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HolidayOverrides", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_HolidayOverrides_Date", "HolidayOverrides", "Date", unique: true);
        migrationBuilder.CreateIndex("IX_HolidayOverrides_Year", "HolidayOverrides", "Year");

        migrationBuilder.CreateTable(
            name: "InboxItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AssigneesJson = table.Column<string>(nullable: false),
                CompletedAtUtc = table.Column<DateTime>(nullable: true),
                CompletedBy = table.Column<string>(maxLength: 256, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                Description = table.Column<string>(nullable: true),
                DueAtUtc = table.Column<DateTime>(nullable: true),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                PayloadJson = table.Column<string>(nullable: true),
                RequiredRole = table.Column<string>(maxLength: 40, nullable: true),
                ResultJson = table.Column<string>(nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                TaskId = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                UnitCode = table.Column<string>(maxLength: 40, nullable: true),
                WorkflowDefinitionId = table.Column<string>(maxLength: 100, nullable: true),
                WorkflowInstanceId = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InboxItems", x => x.Id);
            });

        migrationBuilder.CreateIndex("IX_InboxItems_Status_UnitCode", "InboxItems", ["Status", "UnitCode"]);
        migrationBuilder.CreateIndex("IX_InboxItems_TaskId", "InboxItems", "TaskId", unique: true);
        migrationBuilder.CreateIndex("IX_InboxItems_WorkflowInstanceId", "InboxItems", "WorkflowInstanceId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Children before parents (foreign keys).
        foreach (var table in new[]
                 {
                     "InboxItems",
                     "HolidayOverrides",
                     "EscalationTasks",
                     "ReminderNotices",
                     "PlannedReminders",
                     "UnitReminderSchedules",
                     "Submissions",
                     "VoteBallots",
                     "VoteSessionVoters",
                     "VoteSessions",
                     "ReportComments",
                     "ReportLocalIndicators",
                     "ReportIndicatorEntries",
                     "ReportSectionTexts",
                     "ReportVersions",
                     "Reports",
                 })
            migrationBuilder.DropTable(table);
    }
}
