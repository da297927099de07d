using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Api;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;

namespace Engagement.EndToEnd;

/// <summary>
/// What every request meets before a service runs: a token (the fallback policy: a new RPC is never open by mistake),
/// a per-caller limit on writes, and CORS only for listed browser origins.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class EdgeGuardTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    public static TheoryData<string> Rpcs => [.. ApiDescriptors.Methods.Select(ApiDescriptors.FullName)];

    public static TheoryData<string> Routed => [.. ApiDescriptors.Methods.Where(m => !m.IsServerStreaming).Select(ApiDescriptors.FullName)];

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task EveryRpcWithoutATokenIsUnauthenticatedWithItsReason(string rpc)
    {
        var method = ApiDescriptors.Find(rpc);
        var call = new Method<IMessage, IMessage>(method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary, method.Service.FullName, method.Name,
            Marshallers.Create(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
        var request = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        var invoker = Node.As(null).Invoker;

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, ErrorReasons.Unauthenticated, async () =>
        {
            if (method.IsServerStreaming)
            {
                using var stream = invoker.AsyncServerStreamingCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)), request);
                await stream.ResponseStream.MoveNext(TestContext.Current.CancellationToken);
            }
            else
            {
                await invoker.AsyncUnaryCall(call, null, new CallOptions(), request);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Routed))]
    public async Task EveryJsonRouteWithoutATokenIs401WithTheSameReason(string rpc)
    {
        var rule = ApiDescriptors.Find(rpc).GetOptions().GetExtension(AnnotationsExtensions.Http);
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            _ => throw new InvalidOperationException($"{rpc}: unexpected HTTP rule {rule.PatternCase}"),
        };
        var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{[a-z_.]+\}", "x1");
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        using var request = new HttpRequestMessage(verb, path);
        if (!string.IsNullOrEmpty(rule.Body))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(16, body.GetProperty("code").GetInt32());
        Assert.Equal(ErrorReasons.Unauthenticated, body.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString()!.EndsWith("ErrorInfo", StringComparison.Ordinal)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task HealthReflectionTheConsoleAndItsSignInAreOpenByIntent()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };

        var health = await new Health.HealthClient(Node.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: ct);
        using var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative), ct);
        using var console = await http.GetAsync(new Uri("/", UriKind.Relative), ct);
        using var authConfig = await http.GetAsync(new Uri("/console/auth-config", UriKind.Relative), ct);
        using var csv = await http.GetAsync(new Uri("/v1/analytics/branches/x1/days.csv", UriKind.Relative), ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (live.StatusCode, console.StatusCode, authConfig.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, csv.StatusCode);
    }

    [Fact]
    public async Task ACallerOverTheWriteLimitIsToldWhenToRetryAndOthersAndReadsAreNotHeldUp()
    {
        var node = await TestNode.StartAsync(extraArgs: ["--Engagement:RateLimit:Enabled=true", "--Engagement:RateLimit:WritesPerMinute=60", "--Engagement:RateLimit:Burst=10"]);
        try
        {
            var seed = await Seed.CreateAsync(node);
            var (id, member) = await seed.MemberAsync();
            var (other, otherMember) = await seed.MemberAsync();
            // The burst goes through at once; the write after it (or a few after, as the bucket refills a write a
            // second) is refused.
            var accepted = 0;
            RpcException? refused = null;
            while (refused is null && accepted < 40)
            {
                try
                {
                    await member.Points.CheckInAsync(new V1.CheckInRequest { MemberId = id, IdempotencyKey = $"burst-{accepted}" });
                    accepted++;
                }
                catch (RpcException e)
                {
                    refused = e;
                }
            }

            Assert.NotNull(refused);
            Assert.InRange(accepted, 10, 39);
            refused = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, ErrorReasons.RateLimited, () => throw refused);
            var balance = await member.Points.GetBalanceAsync(new V1.GetBalanceRequest { MemberId = id });
            var othersCheckIn = await otherMember.Points.CheckInAsync(new V1.CheckInRequest { MemberId = other, IdempotencyKey = "other-1" });

            var status = refused.GetRpcStatus()!;
            Assert.Equal("60", status.GetDetail<ErrorInfo>().Metadata["limitPerMinute"]);
            Assert.True(status.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan() > TimeSpan.Zero);
            Assert.Equal(1, balance.Balance); // the refused write changed nothing
            Assert.Equal(1, othersCheckIn.PointsAwarded);

            // Over JSON: 429 with Retry-After and the same reason.
            using var http = new HttpClient { BaseAddress = node.HttpAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", node.Token(id, new RoleGrant(Role.Member, id)));
            HttpResponseMessage json;
            var attempt = 0;
            do
            {
                // A write may slip in as the bucket refills; the next ones are refused.
                json = await http.PostAsync(new Uri($"/v1/members/{id}:checkIn", UriKind.Relative),
                    new StringContent($$"""{"idempotencyKey":"json-{{attempt++}}"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            }
            while (json.StatusCode == HttpStatusCode.OK && attempt < 5);

            Assert.Equal(HttpStatusCode.TooManyRequests, json.StatusCode);
            Assert.NotNull(json.Headers.RetryAfter);
            Assert.Contains(ErrorReasons.RateLimited, await json.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            json.Dispose();

            // The bucket refills (one write a second here): the retry with the same key then goes through once.
            var retried = await Eventually.SucceedsAsync(
                async () => await member.Points.CheckInAsync(new V1.CheckInRequest { MemberId = id, IdempotencyKey = $"burst-{accepted}" }),
                TimeSpan.FromSeconds(15), "the retry after the advised delay");
            Assert.Equal(1, retried.Balance);
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(node.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task BrowserOriginsAreAllowedOnlyFromTheListAndNoneByDefault()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await TestNode.StartAsync(extraArgs: ["--Engagement:Cors:AllowedOrigins:0=https://app.example.cn"]);
        try
        {
            var listed = await PreflightAsync(node, "https://app.example.cn", ct);
            var other = await PreflightAsync(node, "https://evil.example.com", ct);
            var byDefault = await PreflightAsync(Node, "https://app.example.cn", ct);

            Assert.Equal("https://app.example.cn", listed);
            Assert.Null(other);
            Assert.Null(byDefault);
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(node.DataDirectory, recursive: true);
        }
    }

    private static async Task<string?> PreflightAsync(TestNode node, string origin, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = node.HttpAddress };
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/engagement.v1.PointsService/GetBalance");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-grpc-web");
        using var response = await http.SendAsync(preflight, ct);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }
}
