using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Persistence;
using WorkflowHost.Workflows.Definitions;
using WorkflowHost.Workflows.Journal;
using WorkflowHost.Workflows.Model;
using WorkflowHost.Workflows.Notifications;
using WorkflowHost.Workflows.Persistence;
using WorkflowHost.Workflows.Runtime;
using WorkflowHost.Workflows.Scheduling;

namespace WorkflowHost.Tests.Workflows;

/// <summary>
/// The semantics of the engine's store interfaces (as InMemoryWorkflowStore defines them), checked against the EF
/// stores on a real database. Run on SQLite (<see cref="SqliteStoreContractTests"/>) and PostgreSQL
/// (<see cref="PostgresStoreContractTests"/>).
/// </summary>
public static class StoreContract
{
    private static readonly DateTimeOffset T0 = EngineHost.Epoch;

    public static async Task Commits_insert_then_update_only_at_the_expected_row_version(EngineHost host)
    {
        var instance = Instance("i1", rowVersion: 1);
        await CommitAsync(host, new WorkflowCommit
        {
            Instance = instance,
            BookmarksAdded = [Bookmark("b1", "i1", "Elsa.RunTask", "task-1")],
            TimersAdded = [Timer("t1", T0.AddHours(1), "i1")],
            ActivityRecords = [Record("r1", "i1", ActivityStatus.Running)],
            JournalEntries = [Entry("j1", "i1", 1, JournalEvents.Started)],
        });
        var stored = await host.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync("i1"));
        Assert.Equal(WorkflowStateJson.Serialize(instance), WorkflowStateJson.Serialize(stored!));

        var second = Instance("i1", rowVersion: 2, subStatus: WorkflowSubStatus.Finished);
        await CommitAsync(host, new WorkflowCommit
        {
            Instance = second,
            ExpectedRowVersion = 1,
            BookmarksRemoved = ["b1"],
            TimersRemoved = ["t1", "no-such-timer"],
            ActivityRecords = [Record("r1", "i1", ActivityStatus.Completed)],
            JournalEntries = [Entry("j2", "i1", 2, JournalEvents.Completed)],
            // A child started in-process by this burst (ExecuteWorkflow) is written in the same transaction.
            ChildCommits = [new WorkflowCommit
            {
                Instance = Instance("c1", rowVersion: 1),
                BookmarksAdded = [Bookmark("cb1", "c1", "Elsa.RunTask", "task-c1")],
                JournalEntries = [Entry("cj1", "c1", 1, JournalEvents.Started)],
            }],
        });
        Assert.Equal(2, (await host.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync("i1")))!.RowVersion);
        Assert.NotNull(await host.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync("c1")));
        Assert.Single(await FindAsync(host, "Elsa.RunTask", "task-c1"));
        Assert.Empty(await FindAsync(host, "Elsa.RunTask", "task-1"));
        Assert.Empty(await host.Store<ITimerStore, IReadOnlyList<ScheduledTimer>>(s => s.ListAsync("i1")));
        var record = Assert.Single(await host.Store<IWorkflowQueryStore, IReadOnlyList<ActivityExecutionRecord>>(s => s.ListActivityRecordsAsync("i1")));
        Assert.Equal(ActivityStatus.Completed, record.Status);

        // A stale commit (another burst committed row version 2 first): rejected, nothing of it written or published.
        var published = host.Notifications.Count;
        await Assert.ThrowsAsync<ConcurrencyException>(() => CommitAsync(host, new WorkflowCommit
        {
            Instance = Instance("i1", rowVersion: 2, name: "stale"),
            ExpectedRowVersion = 1,
            BookmarksAdded = [Bookmark("b2", "i1", "Elsa.RunTask", "task-2")],
            JournalEntries = [Entry("j3", "i1", 3, JournalEvents.Resumed)],
            Notifications = [new WorkflowStarted("i1", "def", "v1", null)],
            ChildCommits = [new WorkflowCommit
            {
                Instance = Instance("c-stale", rowVersion: 1),
                BookmarksAdded = [Bookmark("cb2", "c-stale", "Elsa.RunTask", "task-c2")],
                Notifications = [new WorkflowStarted("c-stale", "def", "v1", null)],
            }],
        }));
        Assert.Equal(published, host.Notifications.Count);
        Assert.Null(await host.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync("c-stale")));
        Assert.Empty(await FindAsync(host, "Elsa.RunTask", "task-c2"));
        Assert.Empty(await FindAsync(host, "Elsa.RunTask", "task-2"));
        Assert.Equal(2, (await JournalAsync(host, "i1")).TotalCount);
        Assert.NotEqual("stale", (await host.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync("i1")))!.Name);

        // An insert of an existing id is a conflict too.
        await Assert.ThrowsAsync<ConcurrencyException>(() => CommitAsync(host, new WorkflowCommit { Instance = Instance("i1", rowVersion: 1) }));
        // And an update of an instance that does not exist.
        await Assert.ThrowsAsync<ConcurrencyException>(() => CommitAsync(host, new WorkflowCommit { Instance = Instance("nobody", rowVersion: 2), ExpectedRowVersion = 1 }));
    }

    public static async Task Notification_handlers_write_in_the_commit_and_a_throwing_one_aborts_it(EngineHost host)
    {
        host.AuditStarts = true;
        await CommitAsync(host, new WorkflowCommit
        {
            Instance = Instance("ok", rowVersion: 1),
            Notifications = [new WorkflowStarted("ok", "def", "v1", null)],
        });
        Assert.Equal(["ok"], await AuditedInstancesAsync(host));

        host.FailOn = typeof(WorkflowFinished);
        await Assert.ThrowsAsync<InvalidOperationException>(() => CommitAsync(host, new WorkflowCommit
        {
            Instance = Instance("bad", rowVersion: 1),
            BookmarksAdded = [Bookmark("bad-b", "bad", "Elsa.RunTask", "bad-task")],
            TimersAdded = [Timer("bad-t", T0, "bad")],
            JournalEntries = [Entry("bad-j", "bad", 1, JournalEvents.Started)],
            Notifications = [new WorkflowStarted("bad", "def", "v1", null), new WorkflowFinished("bad", "def", "v1", WorkflowSubStatus.Finished, null, null)],
        }));
        Assert.Null(await host.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync("bad")));
        Assert.Empty(await FindAsync(host, "Elsa.RunTask", "bad-task"));
        Assert.Empty(await host.Store<ITimerStore, IReadOnlyList<ScheduledTimer>>(s => s.ListAsync("bad")));
        Assert.Equal(0, (await JournalAsync(host, "bad")).TotalCount);
        Assert.Equal(["ok"], await AuditedInstancesAsync(host)); // the audit record written before the failure went too
    }

    public static async Task Bookmarks_are_found_by_name_and_hash_and_correlation(EngineHost host)
    {
        await CommitAsync(host, new WorkflowCommit
        {
            Instance = Instance("a", rowVersion: 1, correlationId: "hồ-sơ-1"),
            BookmarksAdded = [Bookmark("a2", "a", "Elsa.Event", "approved", T0.AddMinutes(2)), Bookmark("a1", "a", "Elsa.Event", "approved", T0.AddMinutes(1))],
        });
        await CommitAsync(host, new WorkflowCommit
        {
            Instance = Instance("b", rowVersion: 1, correlationId: "hồ-sơ-2"),
            BookmarksAdded = [Bookmark("b1", "b", "Elsa.Event", "approved", T0), Bookmark("b2", "b", "Elsa.Event", "rejected", T0)],
        });

        Assert.Equal(["b1", "a1", "a2"], (await FindAsync(host, "Elsa.Event", "approved")).Select(b => b.Id));
        Assert.Equal(["a1", "a2"], (await FindAsync(host, "Elsa.Event", "approved", "hồ-sơ-1")).Select(b => b.Id));
        Assert.Empty(await FindAsync(host, "Elsa.RunTask", "approved"));
        var found = (await FindAsync(host, "Elsa.Event", "rejected")).Single();
        Assert.Equal("ok", found.Payload!["note"]!.GetValue<string>());
        Assert.Equal(T0, found.CreatedAt);
    }

    public static async Task Due_rows_are_claimed_in_due_order_under_a_lease(EngineHost host)
    {
        await CommitAsync(host, new WorkflowCommit
        {
            Instance = Instance("i", rowVersion: 1),
            TimersAdded = [Timer("late", T0.AddHours(3), "i"), Timer("first", T0.AddHours(1), "i"), Timer("second", T0.AddHours(2), "i"), Timer("future", T0.AddDays(1), "i")],
        });
        var now = T0.AddHours(5);

        Assert.Equal(T0.AddHours(1), await host.Store<ITimerStore, DateTimeOffset?>(s => s.GetNextDueAtAsync()));
        var first = await ClaimAsync(host, now, 2, "host-a", now.AddMinutes(5));
        Assert.Equal(["first", "second"], first.Select(t => t.Id));
        Assert.All(first, t => Assert.Equal(("host-a", now.AddMinutes(5)), (t.LeaseOwner, t.LeaseUntil)));
        Assert.Equal(T0.AddHours(1), first[0].DueAt);
        Assert.Equal("i", first[0].WorkflowInstanceId);
        Assert.Equal("resume", first[0].Payload!["reason"]!.GetValue<string>());

        // Leased rows are not handed out again until the lease expires.
        Assert.Equal(["late"], (await ClaimAsync(host, now, 10, "host-b", now.AddMinutes(5))).Select(t => t.Id));
        Assert.Empty(await ClaimAsync(host, now.AddMinutes(1), 10, "host-b", now.AddMinutes(6)));
        var expired = await ClaimAsync(host, now.AddMinutes(5), 10, "host-b", now.AddMinutes(10));
        Assert.Equal(["first", "second", "late"], expired.Select(t => t.Id));
        Assert.All(expired, t => Assert.Equal("host-b", t.LeaseOwner));

        await host.Store<ITimerStore, int>(async s => { await s.DeleteAsync("first"); return 0; });
        Assert.Equal(["second", "late", "future"], (await host.Store<ITimerStore, IReadOnlyList<ScheduledTimer>>(s => s.ListAsync("i"))).Select(t => t.Id));
        Assert.Empty(await host.Store<ITimerStore, IReadOnlyList<ScheduledTimer>>(s => s.ListAsync("other")));
        Assert.Equal(T0.AddHours(2), await host.Store<ITimerStore, DateTimeOffset?>(s => s.GetNextDueAtAsync()));

        // A row added on its own (a workflow dispatched through the API) is claimed like the others.
        await host.Store<ITimerStore, int>(async s => { await s.AddAsync(Timer("added", T0.AddHours(4), "i")); return 0; });
        Assert.Contains("added", (await ClaimAsync(host, now.AddMinutes(10), 10, "host-c", now.AddMinutes(15))).Select(t => t.Id));
    }

    public static async Task Name_search_folds_Vietnamese_letters_of_any_case(EngineHost host)
    {
        var plan = Definition("plan", 1, isLatest: true, isPublished: true, name: "KẾ HOẠCH ĐẢNG BỘ TỈNH");
        var mixed = Definition("mixed", 1, isLatest: true, isPublished: true, name: "Kế Hoạch số 12");
        var other = Definition("other", 1, isLatest: true, isPublished: true, name: "Báo cáo quý");
        await host.Store<IWorkflowDefinitionStore, int>(async s =>
        {
            await s.CommitAsync(new DefinitionCommit { Upserts = [plan, mixed, other] });
            return 0;
        });
        await CommitAsync(host, new WorkflowCommit { Instance = Instance("vi-1", rowVersion: 1, name: "ĐÔN ĐỐC Huyện Sa Pa") });
        await CommitAsync(host, new WorkflowCommit { Instance = Instance("vi-2", rowVersion: 1, name: "Tổng hợp") });

        async Task<IEnumerable<string>> Definitions(string term) =>
            (await host.Store<IWorkflowDefinitionStore, Page<WorkflowDefinitionVersion>>(s => s.QueryAsync(new WorkflowDefinitionQuery { SearchTerm = term })))
            .Items.Select(d => d.DefinitionId).Order();
        Assert.Equal(["mixed", "plan"], await Definitions("kế hoạch"));
        Assert.Equal(["plan"], await Definitions("đảng bộ"));
        Assert.Equal(["other"], await Definitions("BÁO CÁO"));
        Assert.False(await host.Store<IWorkflowDefinitionStore, bool>(s => s.IsNameUniqueAsync("kế hoạch đảng bộ tỉnh", null)));

        var instances = await host.Store<IWorkflowQueryStore, Page<WorkflowInstanceSummary>>(s => s.QueryInstancesAsync(new WorkflowInstanceQuery { SearchTerm = "đôn đốc" }));
        Assert.Equal(["vi-1"], instances.Items.Select(i => i.Id));
    }

    public static async Task Definitions_keep_their_json_and_are_selected_by_version_options(EngineHost host)
    {
        var v1 = Definition("d", 1, isLatest: false, isPublished: true, name: "Báo cáo Quý");
        var v2 = Definition("d", 2, isLatest: true, isPublished: false, name: "Báo cáo Quý");
        var other = Definition("e", 1, isLatest: true, isPublished: true, name: "Kế hoạch", isSystem: true);
        await host.Store<IWorkflowDefinitionStore, int>(async s =>
        {
            await s.CommitAsync(new DefinitionCommit
            {
                Upserts = [v1, v2, other],
                TimersAdded = [Trigger("trig-d", "d"), Trigger("trig-e", "e")],
            });
            return 0;
        });

        var found = await host.Store<IWorkflowDefinitionStore, WorkflowDefinitionVersion?>(s => s.FindByIdAsync(v2.Id));
        Assert.True(JsonNode.DeepEquals(v2.Model, found!.Model));
        Assert.Equal((v2.Name, v2.Description, v2.CreatedAt, v2.ToolVersion), (found.Name, found.Description, found.CreatedAt, found.ToolVersion));
        Assert.Equal(2, (await FindDefinitionAsync(host, "d", VersionOptions.Latest))!.Version);
        Assert.Equal(1, (await FindDefinitionAsync(host, "d", VersionOptions.Published))!.Version);
        Assert.Equal(2, (await FindDefinitionAsync(host, "d", VersionOptions.LatestOrPublished))!.Version);
        Assert.Null(await FindDefinitionAsync(host, "d", VersionOptions.LatestAndPublished));
        Assert.Equal(1, (await FindDefinitionAsync(host, "d", VersionOptions.SpecificVersion(1)))!.Version);
        Assert.Equal([1, 2], (await host.Store<IWorkflowDefinitionStore, IReadOnlyList<WorkflowDefinitionVersion>>(s => s.ListVersionsAsync("d"))).Select(v => v.Version));

        Assert.False(await host.Store<IWorkflowDefinitionStore, bool>(s => s.IsNameUniqueAsync("  báo cáo quý ", null)));
        Assert.True(await host.Store<IWorkflowDefinitionStore, bool>(s => s.IsNameUniqueAsync("Báo cáo Quý", "d")));

        var page = await host.Store<IWorkflowDefinitionStore, Page<WorkflowDefinitionVersion>>(s => s.QueryAsync(new WorkflowDefinitionQuery { OrderBy = DefinitionOrderBy.Version, Page = 0, PageSize = 2 }));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal([2, 1], page.Items.Select(d => d.Version));
        Assert.Equal(["e"], (await host.Store<IWorkflowDefinitionStore, Page<WorkflowDefinitionVersion>>(s => s.QueryAsync(new WorkflowDefinitionQuery { IsSystem = true }))).Items.Select(d => d.DefinitionId));
        Assert.Equal([v1.Id], (await host.Store<IWorkflowDefinitionStore, Page<WorkflowDefinitionVersion>>(s => s.QueryAsync(new WorkflowDefinitionQuery { SearchTerm = "QUÝ", VersionOptions = VersionOptions.Published }))).Items.Select(d => d.Id));
        Assert.Equal(new[] { v1.Id, other.Id }.Order(), (await host.Store<IWorkflowDefinitionStore, IReadOnlyList<string>>(s => s.ListPublishedVersionIdsAsync())).Order());

        // Publishing v2: v1 loses its flags in place, d's trigger rows are replaced, e's stay.
        await host.Store<IWorkflowDefinitionStore, int>(async s =>
        {
            await s.CommitAsync(new DefinitionCommit
            {
                Upserts = [v1 with { IsPublished = false }, v2 with { IsPublished = true }],
                ResetTriggersOfDefinitionIds = ["d"],
                TimersAdded = [Trigger("trig-d2", "d")],
            });
            return 0;
        });
        Assert.Equal(2, (await FindDefinitionAsync(host, "d", VersionOptions.Published))!.Version);
        Assert.Equal(["trig-d2", "trig-e"], (await host.Store<ITimerStore, IReadOnlyList<ScheduledTimer>>(s => s.ListAsync())).Select(t => t.Id).Order());

        await host.Store<IWorkflowDefinitionStore, int>(async s => { await s.CommitAsync(new DefinitionCommit { DeletedVersionIds = [v1.Id] }); return 0; });
        Assert.Null(await host.Store<IWorkflowDefinitionStore, WorkflowDefinitionVersion?>(s => s.FindByIdAsync(v1.Id)));
    }

    public static async Task Instance_journal_and_record_queries_filter_order_and_page(EngineHost host)
    {
        await CommitAsync(host, new WorkflowCommit { Instance = Instance("x1", 1, name: "Alpha", correlationId: "c1", created: T0.AddMinutes(1)) });
        await CommitAsync(host, new WorkflowCommit { Instance = Instance("x2", 1, name: "Beta", subStatus: WorkflowSubStatus.Finished, created: T0.AddMinutes(2), finished: T0.AddMinutes(3)) });
        await CommitAsync(host, new WorkflowCommit
        {
            Instance = Instance("x3", 1, name: "Gamma", subStatus: WorkflowSubStatus.Faulted, created: T0.AddMinutes(3), finished: T0.AddMinutes(9), incidents: 1, parent: "x1"),
            ActivityRecords = [Record("r1", "x3", ActivityStatus.Completed, "n1", T0.AddSeconds(1)), Record("r2", "x3", ActivityStatus.Faulted, "n2", T0.AddSeconds(2)), Record("r3", "x3", ActivityStatus.Completed, "n1", T0.AddSeconds(3))],
            JournalEntries = [Entry("e1", "x3", 1, JournalEvents.Started, "Elsa.Flowchart", "n0"), Entry("e2", "x3", 2, JournalEvents.Completed, "Elsa.WriteLine", "n1"), Entry("e3", "x3", 3, JournalEvents.Faulted, "Elsa.Fault", "n2")],
        });

        async Task<string[]> Ids(WorkflowInstanceQuery query) =>
            (await host.Store<IWorkflowQueryStore, Page<WorkflowInstanceSummary>>(s => s.QueryInstancesAsync(query))).Items.Select(i => i.Id).ToArray();

        Assert.Equal(["x3", "x2", "x1"], await Ids(new WorkflowInstanceQuery()));
        Assert.Equal(["x1", "x2", "x3"], await Ids(new WorkflowInstanceQuery { OrderBy = InstanceOrderBy.Name }));
        Assert.Equal(["x2"], await Ids(new WorkflowInstanceQuery { Page = 1, PageSize = 1 }));
        Assert.Equal(["x3", "x2"], await Ids(new WorkflowInstanceQuery { Statuses = [WorkflowStatus.Finished] }));
        Assert.Equal(["x3"], await Ids(new WorkflowInstanceQuery { SubStatuses = [WorkflowSubStatus.Faulted, WorkflowSubStatus.Cancelled] }));
        Assert.Equal(["x1"], await Ids(new WorkflowInstanceQuery { CorrelationId = "c1" }));
        Assert.Equal(["x3"], await Ids(new WorkflowInstanceQuery { HasIncidents = true }));
        Assert.Equal(["x3"], await Ids(new WorkflowInstanceQuery { ParentWorkflowInstanceId = "x1" }));
        Assert.Equal(["x2"], await Ids(new WorkflowInstanceQuery { SearchTerm = "bet" }));
        Assert.Equal(["x2"], await Ids(new WorkflowInstanceQuery { TimestampFilters = [new(TimestampColumn.FinishedAt, TimestampOperator.LessThan, T0.AddMinutes(5))] }));
        Assert.Equal(["x2"], await Ids(new WorkflowInstanceQuery { TimestampFilters = [new(TimestampColumn.FinishedAt, TimestampOperator.IsNot, T0.AddMinutes(9))] }));
        Assert.Equal(["x3", "x2"], await Ids(new WorkflowInstanceQuery { TimestampFilters = [new(TimestampColumn.CreatedAt, TimestampOperator.GreaterThanOrEqual, T0.AddMinutes(2))] }));
        var summary = (await host.Store<IWorkflowQueryStore, Page<WorkflowInstanceSummary>>(s => s.QueryInstancesAsync(new WorkflowInstanceQuery { Ids = ["x3"] }))).Items.Single();
        Assert.Equal(WorkflowInstanceSummary.From(Instance("x3", 1, name: "Gamma", subStatus: WorkflowSubStatus.Faulted, created: T0.AddMinutes(3), finished: T0.AddMinutes(9), incidents: 1, parent: "x1")), summary);

        var journal = await host.Store<IWorkflowQueryStore, Page<WorkflowExecutionLogEntry>>(s => s.QueryJournalAsync("x3", new JournalFilter { ExcludedActivityTypes = ["Elsa.Flowchart"] }, 1, 10));
        Assert.Equal(2, journal.TotalCount);
        Assert.Equal(["e3"], journal.Items.Select(e => e.Id));
        Assert.Equal("Nội dung e3", journal.Items[0].Message);
        Assert.Equal(["e2"], (await host.Store<IWorkflowQueryStore, Page<WorkflowExecutionLogEntry>>(s => s.QueryJournalAsync("x3", new JournalFilter { ActivityNodeIds = ["n1"], EventNames = [JournalEvents.Completed] }, 0, 10))).Items.Select(e => e.Id));

        Assert.Equal(["r1", "r3"], (await host.Store<IWorkflowQueryStore, IReadOnlyList<ActivityExecutionRecord>>(s => s.ListActivityRecordsAsync("x3", "n1"))).Select(r => r.Id));
        Assert.Equal("Faulted", (await host.Store<IWorkflowQueryStore, ActivityExecutionRecord?>(s => s.GetActivityRecordAsync("r2")))!.Status.ToString());
        var stats = await host.Store<IWorkflowQueryStore, IReadOnlyList<ActivityExecutionStats>>(s => s.GetActivityStatsAsync("x3", ["n1"]));
        Assert.Equal(2, Assert.Single(stats).CompletedCount);
    }

    public static async Task Deleting_an_instance_removes_its_rows_but_not_queued_dispatches(EngineHost host)
    {
        await CommitAsync(host, new WorkflowCommit
        {
            Instance = Instance("gone", rowVersion: 1),
            BookmarksAdded = [Bookmark("gb", "gone", "Elsa.RunTask", "gone-task")],
            TimersAdded = [Timer("gt", T0, "gone"), Timer("dispatch", T0, "gone") with { Kind = ScheduledWorkKind.Dispatch }],
            ActivityRecords = [Record("gr", "gone", ActivityStatus.Running)],
            JournalEntries = [Entry("gj", "gone", 1, JournalEvents.Started)],
        });
        Assert.True(await host.Store<IWorkflowStateStore, bool>(s => s.DeleteInstanceAsync("gone")));
        Assert.False(await host.Store<IWorkflowStateStore, bool>(s => s.DeleteInstanceAsync("gone")));
        Assert.Null(await host.Store<IWorkflowStateStore, WorkflowInstance?>(s => s.GetInstanceAsync("gone")));
        Assert.Empty(await FindAsync(host, "Elsa.RunTask", "gone-task"));
        Assert.Equal(["dispatch"], (await host.Store<ITimerStore, IReadOnlyList<ScheduledTimer>>(s => s.ListAsync("gone"))).Select(t => t.Id));
        Assert.Empty(await host.Store<IWorkflowQueryStore, IReadOnlyList<ActivityExecutionRecord>>(s => s.ListActivityRecordsAsync("gone")));
        Assert.Equal(0, (await JournalAsync(host, "gone")).TotalCount);
    }

    // ---- builders and shortcuts --------------------------------------------------------------------------------

    private static Task CommitAsync(EngineHost host, WorkflowCommit commit) =>
        host.Store<IWorkflowStateStore, int>(async s => { await s.CommitAsync(commit); return 0; });

    private static Task<IReadOnlyList<Bookmark>> FindAsync(EngineHost host, string name, string key, string? correlationId = null) =>
        host.Store<IWorkflowStateStore, IReadOnlyList<Bookmark>>(s => s.FindBookmarksAsync(name, BookmarkHash.Compute(name, key), correlationId));

    private static Task<Page<WorkflowExecutionLogEntry>> JournalAsync(EngineHost host, string instanceId) =>
        host.Store<IWorkflowQueryStore, Page<WorkflowExecutionLogEntry>>(s => s.QueryJournalAsync(instanceId, null, 0, 100));

    private static Task<IReadOnlyList<ScheduledTimer>> ClaimAsync(EngineHost host, DateTimeOffset now, int batch, string owner, DateTimeOffset leaseUntil) =>
        host.Store<ITimerStore, IReadOnlyList<ScheduledTimer>>(s => s.ClaimDueAsync(now, batch, owner, leaseUntil));

    private static Task<WorkflowDefinitionVersion?> FindDefinitionAsync(EngineHost host, string definitionId, VersionOptions options) =>
        host.Store<IWorkflowDefinitionStore, WorkflowDefinitionVersion?>(s => s.FindAsync(definitionId, options));

    private static Task<List<string?>> AuditedInstancesAsync(EngineHost host) =>
        host.InScopeAsync(s => s.GetRequiredService<WorkflowHostDbContext>().AuditRecords.OrderBy(r => r.Sequence).Select(r => r.WorkflowInstanceId).ToListAsync());

    private static WorkflowInstance Instance(string id, long rowVersion, string? name = null, string? correlationId = null,
        WorkflowSubStatus subStatus = WorkflowSubStatus.Suspended, DateTimeOffset? created = null, DateTimeOffset? finished = null,
        int incidents = 0, string? parent = null)
    {
        var instance = new WorkflowInstance
        {
            Id = id,
            DefinitionId = "def",
            DefinitionVersionId = "v1",
            Version = 1,
            Name = name ?? "Quy trình " + id,
            CorrelationId = correlationId,
            ParentWorkflowInstanceId = parent,
            Status = subStatus is WorkflowSubStatus.Finished or WorkflowSubStatus.Faulted or WorkflowSubStatus.Cancelled ? WorkflowStatus.Finished : WorkflowStatus.Running,
            SubStatus = subStatus,
            CreatedAt = created ?? T0,
            UpdatedAt = finished ?? created ?? T0,
            FinishedAt = finished,
            RowVersion = rowVersion,
            Input = new JsonObject { ["đơnVị"] = "Xã Tân Hòa" },
        };
        instance.Variables["v"] = JsonValue.Create(42);
        for (var i = 0; i < incidents; i++)
            instance.Incidents.Add(new ActivityIncident("a", "n2", "Elsa.Fault", "Lỗi", null, T0));
        return instance;
    }

    private static Bookmark Bookmark(string id, string instanceId, string name, string key, DateTimeOffset? created = null) => new()
    {
        Id = id,
        WorkflowInstanceId = instanceId,
        Name = name,
        Hash = BookmarkHash.Compute(name, key),
        Payload = new JsonObject { ["note"] = "ok" },
        ActivityId = "a",
        ActivityNodeId = "flow1:a",
        ActivityInstanceId = "ai-" + id,
        CreatedAt = created ?? T0,
    };

    private static ScheduledTimer Timer(string id, DateTimeOffset dueAt, string instanceId) => new()
    {
        Id = id,
        Kind = ScheduledWorkKind.ResumeBookmark,
        DueAt = dueAt,
        WorkflowInstanceId = instanceId,
        BookmarkId = id,
        Payload = new JsonObject { ["reason"] = "resume" },
    };

    private static ScheduledTimer Trigger(string id, string definitionId) => new()
    {
        Id = id,
        Kind = ScheduledWorkKind.Trigger,
        DueAt = T0.AddDays(1),
        DefinitionId = definitionId,
        DefinitionVersionId = definitionId + "-v",
        ActivityId = "timer1",
    };

    private static ActivityExecutionRecord Record(string id, string instanceId, ActivityStatus status, string nodeId = "flow1:a", DateTimeOffset? started = null) => new()
    {
        Id = id,
        WorkflowInstanceId = instanceId,
        ActivityId = nodeId.Split(':').Last(),
        ActivityNodeId = nodeId,
        ActivityType = "Elsa.WriteLine",
        ActivityState = new JsonObject { ["text"] = "Xin chào" },
        Status = status,
        StartedAt = started ?? T0,
        CompletedAt = status == ActivityStatus.Running ? null : started ?? T0,
    };

    private static WorkflowExecutionLogEntry Entry(string id, string instanceId, long sequence, string eventName,
        string activityType = "Elsa.WriteLine", string nodeId = "flow1:a") => new()
    {
        Id = id,
        WorkflowInstanceId = instanceId,
        ActivityId = nodeId.Split(':').Last(),
        ActivityType = activityType,
        NodeId = nodeId,
        Timestamp = T0.AddSeconds(sequence),
        Sequence = sequence,
        EventName = eventName,
        Message = "Nội dung " + id,
    };

    private static WorkflowDefinitionVersion Definition(string definitionId, int version, bool isLatest, bool isPublished, string name, bool isSystem = false)
    {
        var id = $"{definitionId}-{version}";
        return new WorkflowDefinitionVersion
        {
            Id = id,
            DefinitionId = definitionId,
            Version = version,
            Name = name,
            Description = "Mô tả “đầy đủ” — dấu",
            IsLatest = isLatest,
            IsPublished = isPublished,
            IsSystem = isSystem,
            ToolVersion = "3.8.0.0",
            CreatedAt = new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.FromHours(7)).AddMinutes(version),
            Model = new JsonObject
            {
                ["id"] = id, ["definitionId"] = definitionId, ["version"] = version, ["name"] = name,
                ["root"] = new JsonObject { ["type"] = "Elsa.Flowchart", ["activities"] = new JsonArray(), ["note"] = "Ủy ban nhân dân \"tỉnh\" <b>" },
                ["numbers"] = new JsonArray(1.5, 10000000000000, -0.0001),
            },
        }.WithSyncedModel();
    }
}
