using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using WorkflowHost.Apis;
using WorkflowHost.Apis.Elsa;
using WorkflowHost.Application;
using WorkflowHost.Identity;
using WorkflowHost.Infrastructure.Configuration;
using WorkflowHost.Infrastructure.Database;
using WorkflowHost.Infrastructure.Health;
using WorkflowHost.Infrastructure.Logging;
using WorkflowHost.Infrastructure.WorkflowEngine;
using WorkflowHost.Infrastructure.ProblemDetails;
using WorkflowHost.Infrastructure.Reporting;
using WorkflowHost.Persistence;
using WorkflowHost.Rehearsal;
using WorkflowHost.Seeding;
using WorkflowHost.Studio;

if (RehearsalCommand.IsRequested(args))
    return await RehearsalCommand.RunAsync(args, Console.Out, Console.Error);

var builder = WorkflowHostBuilder.Create(args);
var root = builder.Environment.ContentRootPath;

builder.AddWorkflowHostLogging(root);
builder.Services.AddWorkflowHostPersistence(builder.Configuration, root);
builder.Services.AddWorkflowHostProblemDetails();
builder.Services.AddWorkflowHostIdentity();
builder.Services.AddWorkflowHostApplication();
builder.Services.AddWorkflowHostSeeding();
builder.Services.AddWorkflowHostReporting();
builder.Services.AddWorkflowHostEngine(builder.Configuration, root);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddOpenApi();
builder.Services.AddElsaStudioAssets(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
// Without this Razor writes every Vietnamese letter as an HTML entity ("Đăng nhập" → "&#x110;&#x103;ng nh&#x1EAD;p").
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/", Policies.ReadOrganisation);
    o.Conventions.AllowAnonymousToPage("/Login");
    o.Conventions.AllowAnonymousToPage("/AccessDenied");
});

var app = builder.Build();

// Studio's ~160 public npm files per page load are served before request logging and authentication.
app.UseElsaStudioAssets();
app.UseRequestLogging();
app.UseExceptionHandler();
app.UseApiStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapOrganisationApi();
app.MapMeApi();
app.MapAuditApi();
app.MapInboxApi();
app.MapCalendarApi();
app.MapElsaApi();
app.MapRazorPages();

await app.InitialiseDatabaseAsync();
await app.ImportWorkflowFilesAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so WebApplicationFactory&lt;Program&gt; can start the host in tests.</summary>
public partial class Program;
