using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WorkflowHost.Infrastructure.ProblemDetails;
using WorkflowHost.ReportingChains.Approvals;

namespace WorkflowHost.Tests.Host;

public class ProblemDetailsExceptionHandlerTests
{
    [Fact]
    public async Task A_refused_domain_rule_is_400_with_the_vietnamese_message_keyed_by_the_field()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ProblemDetailsExceptionHandler(
            services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemDetailsExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context,
            new ApprovalException("memberKey", "Người này không thuộc tập thể biểu quyết.", "Not a member of the collective."),
            CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(400, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        var errors = body.RootElement.GetProperty("errors").GetProperty("memberKey");
        Assert.Equal("Người này không thuộc tập thể biểu quyết.", errors[0].GetString());
        Assert.False(body.RootElement.TryGetProperty("stackTrace", out _));
    }
}
