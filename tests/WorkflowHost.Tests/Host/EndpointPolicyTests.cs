using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHost.Tests.Infrastructure;

namespace WorkflowHost.Tests.Host;

public sealed class EndpointPolicyTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>Every endpoint says who may call it: a named policy or roles, or an explicit AllowAnonymous.</summary>
    [Fact]
    public void Every_endpoint_declares_its_policy_or_is_explicitly_anonymous()
    {
        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.Empty(undeclared);
    }
}
