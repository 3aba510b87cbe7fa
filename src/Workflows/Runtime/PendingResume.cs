using System.Text.Json.Nodes;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>
/// One resume to apply in a resume burst: which bookmark of the instance it is for, the input it carries, and the due
/// row that asked for it (deleted in the burst's commit; null for a direct call such as CompleteTask).
/// </summary>
internal sealed record PendingResume(Func<Bookmark, bool> SelectBookmark, JsonObject Input, string? TimerId);
