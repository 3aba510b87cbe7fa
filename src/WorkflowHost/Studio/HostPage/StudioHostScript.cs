using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace WorkflowHost.Studio.HostPage;

/// <summary>Our small host-page script (HostPage/studio-host.js), embedded in the assembly and served by <see cref="StudioStaticFiles"/>.</summary>
public sealed class StudioHostScript
{
    /// <summary>Outside /studio/ so it can never collide with a package file.</summary>
    public const string Url = "/studio-host/studio-host.js";

    private const string ResourceName = "WorkflowHost.Studio.studio-host.js";

    public StudioHostScript()
    {
        using var stream = typeof(StudioHostScript).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from the WorkflowHost assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        Content = buffer.ToArray();
        EntityTag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(Content))[..16]}\"");
    }

    public byte[] Content { get; }

    public EntityTagHeaderValue EntityTag { get; }
}
