using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Api;

namespace Engagement.EndToEnd;

/// <summary>The OpenAPI document a development node serves for client generators: every JSON route, as the node speaks it.</summary>
[Collection(NodeCollection.Name)]
public sealed partial class OpenApiTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    public static TheoryData<string> Routed => [.. ApiDescriptors.Methods.Where(m => !m.IsServerStreaming).Select(ApiDescriptors.FullName)];

    [Theory]
    [MemberData(nameof(Routed))]
    public async Task EveryJsonRouteIsInTheDocumentWithItsDescription(string rpc)
    {
        var document = await DocumentAsync();
        var method = ApiDescriptors.Find(rpc);
        var rule = method.GetOptions().GetExtension(AnnotationsExtensions.Http);

        foreach (var binding in new[] { rule }.Concat(rule.AdditionalBindings))
        {
            var (verb, template) = Route(binding);
            var path = FieldVariable().Replace(template, m => "{" + CamelCase(m.Groups["field"].Value) + "}");

            Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var item), $"{rpc}: {path} is not in the document");
            Assert.True(item.TryGetProperty(verb, out var operation), $"{rpc}: {verb.ToUpperInvariant()} {path} is not in the document");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{rpc}: the route has no description");
        }
    }

    [Fact]
    public async Task Int64FieldsAreStringsAsTheRoutesWriteThem()
    {
        var document = await DocumentAsync();
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var balance = schemas.GetProperty("CheckInResponse").GetProperty("properties").GetProperty("balance");
        var streak = schemas.GetProperty("CheckInResponse").GetProperty("properties").GetProperty("streakDays");

        Assert.Equal(("string", "int64"), (balance.GetProperty("type").GetString(), balance.GetProperty("format").GetString()));
        Assert.Equal("integer", streak.GetProperty("type").GetString());
        Assert.True(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task SwaggerUiIsServedBesideTheDocument()
    {
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        using var ui = await http.GetAsync(new Uri("/openapi/index.html", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("swagger", await ui.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        return JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken));
    }

    private static (string Verb, string Template) Route(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("get", rule.Get),
        HttpRule.PatternOneofCase.Post => ("post", rule.Post),
        HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
        HttpRule.PatternOneofCase.Put => ("put", rule.Put),
        HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
        _ => throw new InvalidOperationException($"unexpected HTTP rule {rule.PatternCase}"),
    };

    private static string CamelCase(string field) =>
        string.Concat(field.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    [GeneratedRegex(@"\{(?<field>[a-z_0-9.]+)\}")]
    private static partial Regex FieldVariable();
}
