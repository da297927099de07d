using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Engagement.EndToEnd;

/// <summary>
/// One convention across every RPC of the contract, walked from the descriptors so a new RPC that strays fails:
/// each has its own request and response, every unary RPC has a JSON route, routes use camelCase literals and
/// custom verbs, and no enum travels in a path (enums are proto3 JSON names in the query or body).
/// </summary>
public sealed partial class ContractConventionTests
{
    public static TheoryData<string> Rpcs() => [.. ApiDescriptors.Methods.Select(ApiDescriptors.FullName)];

    [Theory]
    [MemberData(nameof(Rpcs))]
    public void EachRpcHasItsOwnRequestAndResponse(string rpc)
    {
        var method = ApiDescriptors.Find(rpc);

        Assert.Equal(method.Name + "Request", method.InputType.Name);
        Assert.Equal(method.Name + "Response", method.OutputType.Name);
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public void EachUnaryRpcHasAJsonRouteInTheOneStyle(string rpc)
    {
        var method = ApiDescriptors.Find(rpc);
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        if (method.IsServerStreaming)
        {
            Assert.Null(rule);
            return;
        }

        Assert.NotNull(rule);
        var path = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => rule.Get,
            HttpRule.PatternOneofCase.Post => rule.Post,
            HttpRule.PatternOneofCase.Delete => rule.Delete,
            HttpRule.PatternOneofCase.Put => rule.Put,
            HttpRule.PatternOneofCase.Patch => rule.Patch,
            _ => "",
        };
        Assert.StartsWith("/v1/", path, StringComparison.Ordinal);
        var (segments, verb) = path.Split(':') is [var p, var v] ? (p, v) : (path, null);
        if (verb is not null)
        {
            Assert.Matches(CamelCase(), verb);
        }

        foreach (var segment in segments.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var variable = Variable().Match(segment);
            if (variable.Success)
            {
                var field = method.InputType.FindFieldByName(variable.Groups["field"].Value);
                Assert.True(field is not null, $"{rpc}: {segment} names no request field");
                Assert.True(field.FieldType == FieldType.String, $"{rpc}: path variable {segment} must be a string field (enums go in the query or body)");
            }
            else
            {
                Assert.Matches(CamelCase(), segment);
            }
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*\\z")]
    private static partial Regex CamelCase();

    [GeneratedRegex("^\\{(?<field>[a-z_]+)\\}\\z")]
    private static partial Regex Variable();
}
