using System.Security.Cryptography;
using System.Text;

namespace WorkflowHost.Workflows.Runtime;

/// <summary>
/// The lookup hash of a bookmark: derived from its name and stimulus key only (a RunTask's task id, an event name,
/// a child instance id, a timer's bookmark id) — never from the activity instance — so a stimulus finds it directly.
/// </summary>
public static class BookmarkHash
{
    public static string Compute(string bookmarkName, string stimulusKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{bookmarkName}\n{stimulusKey}")))[..32];
}

/// <summary>Well-known bookmark names.</summary>
public static class BookmarkNames
{
    public const string RunTask = "Elsa.RunTask";
    public const string Event = "Elsa.Event";
    /// <summary>A parent waiting for a child instance (ExecuteWorkflow/DispatchWorkflow with waitForCompletion); key = child instance id.</summary>
    public const string ChildWorkflowCompleted = "Elsa.ChildWorkflowCompleted";
}
