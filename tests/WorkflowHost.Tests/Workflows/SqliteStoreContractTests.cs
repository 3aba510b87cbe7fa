namespace WorkflowHost.Tests.Workflows;

/// <summary>The store contract on a SQLite file with the host's pragmas.</summary>
public sealed class SqliteStoreContractTests : IDisposable
{
    private readonly SqliteDatabaseFile _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Name_search_folds_Vietnamese_letters_of_any_case()
    {
        await using var host = await _database.StartHostAsync();
        await StoreContract.Name_search_folds_Vietnamese_letters_of_any_case(host);
    }

    [Fact]
    public async Task Commits_insert_then_update_only_at_the_expected_row_version()
    {
        await using var host = await _database.StartHostAsync();
        await StoreContract.Commits_insert_then_update_only_at_the_expected_row_version(host);
    }

    [Fact]
    public async Task Notification_handlers_write_in_the_commit_and_a_throwing_one_aborts_it()
    {
        await using var host = await _database.StartHostAsync();
        await StoreContract.Notification_handlers_write_in_the_commit_and_a_throwing_one_aborts_it(host);
    }

    [Fact]
    public async Task Bookmarks_are_found_by_name_and_hash_and_correlation()
    {
        await using var host = await _database.StartHostAsync();
        await StoreContract.Bookmarks_are_found_by_name_and_hash_and_correlation(host);
    }

    [Fact]
    public async Task Due_rows_are_claimed_in_due_order_under_a_lease()
    {
        await using var host = await _database.StartHostAsync();
        await StoreContract.Due_rows_are_claimed_in_due_order_under_a_lease(host);
    }

    [Fact]
    public async Task Definitions_keep_their_json_and_are_selected_by_version_options()
    {
        await using var host = await _database.StartHostAsync();
        await StoreContract.Definitions_keep_their_json_and_are_selected_by_version_options(host);
    }

    [Fact]
    public async Task Instance_journal_and_record_queries_filter_order_and_page()
    {
        await using var host = await _database.StartHostAsync();
        await StoreContract.Instance_journal_and_record_queries_filter_order_and_page(host);
    }

    [Fact]
    public async Task Deleting_an_instance_removes_its_rows_but_not_queued_dispatches()
    {
        await using var host = await _database.StartHostAsync();
        await StoreContract.Deleting_an_instance_removes_its_rows_but_not_queued_dispatches(host);
    }

}
