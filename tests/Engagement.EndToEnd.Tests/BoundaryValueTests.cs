using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>
/// Values at the edge of what the wire can carry, which once came back as INTERNAL (or HTTP 500): catalogue windows
/// outside the timestamp range or with nanos outside 0..999,999,999, analytics periods at 0001-01-01 (gRPC and CSV),
/// and hundreds of bad elements in one request. Each is now INVALID_ARGUMENT naming the field, and changes nothing.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class BoundaryValueTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    public static TheoryData<string, long, int> BadTimes => new()
    {
        { "item.active_from", 253_402_300_800, 0 },
        { "item.active_from", -62_135_596_801, 0 },
        { "item.active_from", 1_795_000_000, -1 },
        { "item.active_from", 1_795_000_000, 1_000_000_000 },
        { "item.active_until", 253_402_300_800, 0 },
        { "item.active_until", long.MinValue, 0 },
        { "item.active_until", 1_795_000_000, -1 },
        { "item.active_until", 1_795_000_000, 1_000_000_000 },
    };

    [Theory]
    [MemberData(nameof(BadTimes))]
    public async Task ACatalogueWindowOutsideTheTimestampRangeOrWithBadNanosIsInvalidArgument(string field, long seconds, int nanos)
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        var item = new V1.CatalogItem { ItemId = "tea", Name = "绿茶", PointsCost = 5 };
        var time = new Timestamp { Seconds = seconds, Nanos = nanos };
        if (field == "item.active_from")
        {
            item.ActiveFrom = time;
        }
        else
        {
            item.ActiveUntil = time;
        }

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => counter.Staff.Merchants.UpsertCatalogItemAsync(new UpsertCatalogItemRequest { MerchantId = counter.MerchantId, Item = item, InitialStock = 5, IdempotencyKey = Seed.Next("k") }));

        Assert.Equal([field], RpcAssert.ViolatedFields(error));
        var catalog = await counter.Staff.Merchants.ListCatalogAsync(new ListCatalogRequest { MerchantId = counter.MerchantId });
        Assert.DoesNotContain(catalog.Items, i => i.ItemId == "tea");
    }

    [Fact]
    public async Task AnAnalyticsPeriodAtTheBeginningOfTimeIsInvalidArgumentNamingTheDays()
    {
        var seed = await Seed.CreateAsync(Node);

        var onlyTo = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Admin.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = seed.Branch, ToDay = "0001-01-01" }));
        var both = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Admin.Analytics.GetCommitteeAnalyticsAsync(new GetCommitteeAnalyticsRequest { CommitteeId = seed.Committee, FromDay = "0001-01-01", ToDay = "0001-01-01" }));

        Assert.Equal(["to_day"], RpcAssert.ViolatedFields(onlyTo));
        Assert.Equal(["to_day", "from_day"], RpcAssert.ViolatedFields(both));
    }

    [Theory]
    [InlineData("branches", "days", "toDay=0001-01-01")]
    [InlineData("branches", "members", "fromDay=0001-01-01&toDay=0001-01-01")]
    [InlineData("committees", "branches", "toDay=0001-01-02")]
    public async Task TheAnalyticsCsvRefusesAPeriodAtTheBeginningOfTimeWith400(string scope, string table, string query)
    {
        var seed = await Seed.CreateAsync(Node);
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token("admin", new RoleGrant(Role.ParkAdmin, seed.Park)));
        var id = scope == "branches" ? seed.Branch : seed.Committee;

        using var response = await http.GetAsync($"/v1/analytics/{scope}/{id}/{table}.csv?{query}", TestContext.Current.CancellationToken);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorReasons.InvalidArgument, problem.GetProperty("reason").GetString());
        Assert.Contains("to_day", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProfilePeriodAtTheBeginningOfTimeIsInvalidArgumentNamingTheDay()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => Node.MemberInsights(id).GetMemberProfileStatsAsync(new GetMemberProfileStatsRequest { MemberId = id, ToDay = "0001-01-01" }));

        Assert.Equal(["to_day"], RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task HundredsOfBadElementsAreNamedUpToAHundredAndTheConnectionSurvives()
    {
        var seed = await Seed.CreateAsync(Node);
        var course = new CreateCourseRequest { ParkId = seed.Park, CourseId = Seed.Next("course"), Title = "学习", IdempotencyKey = Seed.Next("k") };
        course.Episodes.AddRange(Enumerable.Range(0, 500).Select(_ => new Episode { EpisodeId = "e1", Title = new string('讲', 300), DurationSeconds = -1 }));

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument, () => seed.Admin.Courses.CreateCourseAsync(course));

        Assert.Equal(100, error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Count);
        Assert.Matches(@"; and [0-9]+ more$", error.Status.Detail);
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CourseNotFound,
            () => seed.Admin.Courses.GetCourseAsync(new GetCourseRequest { CourseId = course.CourseId }));
    }
}
