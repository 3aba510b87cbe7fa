var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "WorkflowHost");
app.Run();

public partial class Program;
