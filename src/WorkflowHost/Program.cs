using WorkflowHost.Studio;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddElsaStudioAssets(builder.Configuration);
var app = builder.Build();
app.UseElsaStudioAssets();
app.MapGet("/", () => "WorkflowHost");
app.Run();

public partial class Program;
