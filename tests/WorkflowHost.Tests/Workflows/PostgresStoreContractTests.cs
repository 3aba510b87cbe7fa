using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Workflows;

/// <summary>The store contract on a fresh PostgreSQL database (WORKFLOWHOST_TEST_PG).</summary>
public sealed class PostgresStoreContractTests : IDisposable
{
    public void Dispose() { }

    [PostgresFact]
    public async Task Name_search_folds_Vietnamese_letters_of_any_case()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using (var host = await EngineHost.StartAsync("Postgres", database.ConnectionString))
            await StoreContract.Name_search_folds_Vietnamese_letters_of_any_case(host);
    }

    [PostgresFact]
    public async Task Commits_insert_then_update_only_at_the_expected_row_version()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using (var host = await EngineHost.StartAsync("Postgres", database.ConnectionString))
            await StoreContract.Commits_insert_then_update_only_at_the_expected_row_version(host);
    }

    [PostgresFact]
    public async Task Notification_handlers_write_in_the_commit_and_a_throwing_one_aborts_it()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using (var host = await EngineHost.StartAsync("Postgres", database.ConnectionString))
            await StoreContract.Notification_handlers_write_in_the_commit_and_a_throwing_one_aborts_it(host);
    }

    [PostgresFact]
    public async Task Bookmarks_are_found_by_name_and_hash_and_correlation()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using (var host = await EngineHost.StartAsync("Postgres", database.ConnectionString))
            await StoreContract.Bookmarks_are_found_by_name_and_hash_and_correlation(host);
    }

    [PostgresFact]
    public async Task Due_rows_are_claimed_in_due_order_under_a_lease()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using (var host = await EngineHost.StartAsync("Postgres", database.ConnectionString))
            await StoreContract.Due_rows_are_claimed_in_due_order_under_a_lease(host);
    }

    [PostgresFact]
    public async Task Definitions_keep_their_json_and_are_selected_by_version_options()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using (var host = await EngineHost.StartAsync("Postgres", database.ConnectionString))
            await StoreContract.Definitions_keep_their_json_and_are_selected_by_version_options(host);
    }

    [PostgresFact]
    public async Task Instance_journal_and_record_queries_filter_order_and_page()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using (var host = await EngineHost.StartAsync("Postgres", database.ConnectionString))
            await StoreContract.Instance_journal_and_record_queries_filter_order_and_page(host);
    }

    [PostgresFact]
    public async Task Deleting_an_instance_removes_its_rows_but_not_queued_dispatches()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using (var host = await EngineHost.StartAsync("Postgres", database.ConnectionString))
            await StoreContract.Deleting_an_instance_removes_its_rows_but_not_queued_dispatches(host);
    }

}
