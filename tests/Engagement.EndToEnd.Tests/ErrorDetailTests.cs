using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Engagement.V1;
using Google.Rpc;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>
/// Errors an app can word in its own language: the figures travel in ErrorInfo.metadata, a rate limit says when to
/// retry with RetryInfo, and the JSON routes carry the same details.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ErrorDetailTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task TooFewPointsSaysHowManyAreNeededAndAvailable()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed, cost: 30);
        var (_, member) = await counter.CustomerAsync(points: 12);

        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.InsufficientPoints,
            () => member.Redemptions.StartRedemptionAsync(new StartRedemptionRequest { MerchantId = counter.MerchantId, ItemId = counter.ItemId, IdempotencyKey = "too-dear" }));
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();

        Assert.Equal("30", info.Metadata["neededPoints"]);
        Assert.Equal("12", info.Metadata["availablePoints"]);
    }

    [Fact]
    public async Task TypingTooManyCodesSaysWhenToRetry()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        for (var i = 0; i < 30; i++)
        {
            await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.RedemptionNotFound,
                () => counter.Staff.Redemptions.ValidateRedemptionAsync(new ValidateRedemptionRequest { MerchantId = counter.MerchantId, Code = $"{10000000 + i}" }));
        }

        var error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, ErrorReasons.TooManyValidations,
            () => counter.Staff.Redemptions.ValidateRedemptionAsync(new ValidateRedemptionRequest { MerchantId = counter.MerchantId, Code = "20000000" }));
        var status = error.GetRpcStatus()!;
        var retry = status.GetDetail<RetryInfo>();
        var info = status.GetDetail<ErrorInfo>();

        Assert.NotNull(retry);
        Assert.InRange(retry.RetryDelay.ToTimeSpan(), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(((long)retry.RetryDelay.ToTimeSpan().TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), info.Metadata["retryAfterSeconds"]);
        Assert.Equal("30", info.Metadata["limitPerMinute"]);
    }

    [Fact]
    public async Task JsonRoutesCarryTheSameDetails()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed, cost: 30);
        var (id, _) = await counter.CustomerAsync(points: 12);
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token(id, new RoleGrant(Role.Member, id)));

        using var response = await http.PostAsync("/v1/redemptions", new StringContent(
            $$"""{"merchantId":"{{counter.MerchantId}}","itemId":"{{counter.ItemId}}","idempotencyKey":"json-too-dear"}""", Encoding.UTF8, "application/json"));
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("details")[0];

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorReasons.InsufficientPoints, detail.GetProperty("reason").GetString());
        Assert.Equal("30", detail.GetProperty("metadata").GetProperty("neededPoints").GetString());
    }

    [Theory]
    [InlineData("POST", "checkIn", "{\"idempotencyKey\": 12, bad", "application/json")]
    [InlineData("POST", "checkIn", "{}", "application/x-www-form-urlencoded")]
    [InlineData("GET", "board", "", "")]
    public async Task JsonRoutesRefuseMalformedRequestsWithAnErrorInfo(string method, string call, string body, string contentType)
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token(id, new RoleGrant(Role.Member, id)));
        using var request = new HttpRequestMessage(new HttpMethod(method), call == "board"
            ? $"/v1/leaderboards?scope=NO_SUCH_SCOPE&scopeId={seed.Branch}"
            : $"/v1/members/{id}:checkIn");
        if (contentType.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, json.GetProperty("code").GetInt32());
        Assert.Equal(ErrorReasons.InvalidArgument, json.GetProperty("details")[0].GetProperty("reason").GetString());
        Assert.Equal(0, (await seed.Secretary.Points.GetBalanceAsync(new GetBalanceRequest { MemberId = id })).LedgerEntries);
    }
}
