using System.Globalization;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>
/// The audit trail of staff and catalogue changes, restocks and quiz imports (one record per key, retries included),
/// and the audit list paged like every other list: in order, once each, per filter, with the month it lists.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class AuditTrailTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task StaffAndCatalogueChangesRestocksAndQuizImportsAreAuditedOnceEvenWhenRetried()
    {
        var seed = await Seed.CreateAsync(Node);
        var merchant = Seed.Next("mer");
        await seed.Admin.Merchants.CreateMerchantAsync(new CreateMerchantRequest { ParkId = seed.Park, MerchantId = merchant, Name = "园区便利店", IdempotencyKey = "m" });
        var clerk = seed.As("clerk", new RoleGrant(Role.MerchantStaff, merchant));
        var addStaff = new AddMerchantStaffRequest { MerchantId = merchant, Subject = "clerk", DisplayName = "店员", IdempotencyKey = "s" };
        var create = new UpsertCatalogItemRequest
        {
            MerchantId = merchant, Item = new V1.CatalogItem { ItemId = "latte", Name = "拿铁", PointsCost = 10 }, InitialStock = 100, IdempotencyKey = "i1",
        };
        var update = new UpsertCatalogItemRequest(create) { Item = new V1.CatalogItem(create.Item) { Name = "热拿铁", PointsCost = 12 }, IdempotencyKey = "i2" };
        var restock = new RestockItemRequest { MerchantId = merchant, ItemId = "latte", Delta = 5, IdempotencyKey = "r" };
        var removeStaff = new RemoveMerchantStaffRequest { MerchantId = merchant, Subject = "clerk", IdempotencyKey = "x" };
        var parkImport = QuizClients.ImportInto(seed.Park, QuizClients.Singles("q", 3));
        var committeeImport = new ImportQuestionsRequest { CommitteeId = seed.Committee, IdempotencyKey = "quiz" };
        committeeImport.Questions.AddRange(QuizClients.Singles("c", 2));

        for (var attempt = 0; attempt < 2; attempt++)
        {
            await seed.Admin.Merchants.AddMerchantStaffAsync(addStaff);
            await clerk.Merchants.UpsertCatalogItemAsync(create);
            await clerk.Merchants.UpsertCatalogItemAsync(update);
            Assert.Equal(105, (await clerk.Merchants.RestockItemAsync(restock)).Item.Available);
            await seed.Admin.Quiz.ImportQuestionsAsync(parkImport);
            await seed.Admin.Quiz.ImportQuestionsAsync(committeeImport);
        }

        await seed.Admin.Merchants.RemoveMerchantStaffAsync(removeStaff);
        await seed.Admin.Merchants.RemoveMerchantStaffAsync(removeStaff);
        var audit = (await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park })).Records;

        var added = Assert.Single(audit, r => r.Action == "add-merchant-staff");
        Assert.Equal((merchant, "admin", "staff clerk (店员)", ""), (added.Target, added.Actor, added.Details, added.BranchId));
        var removed = Assert.Single(audit, r => r.Action == "remove-merchant-staff");
        Assert.Equal((merchant, "staff clerk"), (removed.Target, removed.Details));
        var edits = audit.Where(r => r.Action == "upsert-catalog-item").ToList();
        Assert.Equal(2, edits.Count);
        Assert.All(edits, r => Assert.Equal((merchant, "clerk", ""), (r.Target, r.Actor, r.BranchId)));
        Assert.Equal("item latte \"拿铁\", 10 points: created with 100 in stock", edits[0].Details);
        Assert.Equal("item latte \"热拿铁\", 12 points: changed name \"拿铁\" → \"热拿铁\", cost 10 → 12", edits[1].Details);
        var restocked = Assert.Single(audit, r => r.Action == "restock-item");
        Assert.Equal((merchant, "item latte: +5, 105 in stock"), (restocked.Target, restocked.Details));
        var imports = audit.Where(r => r.Action == "import-quiz-bank").ToList();
        Assert.Equal(
            [(seed.Park, "park bank: 3 added, 0 updated, 0 unchanged; 3 in the bank"), (seed.Committee, "committee bank: 2 added, 0 updated, 0 unchanged; 2 in the bank")],
            imports.Select(r => (r.Target, r.Details)));
        Assert.All(imports, r => Assert.Equal(("admin", ""), (r.Actor, r.BranchId)));
    }

    [Fact]
    public async Task PagingThroughTheAuditListYieldsEveryRecordOnceInOrder()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed, stock: 0);
        var first = (await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageSize = 200 })).Records.Count;
        for (var i = first; i < 120; i++)
        {
            await counter.Staff.Merchants.RestockItemAsync(new RestockItemRequest { MerchantId = counter.MerchantId, ItemId = counter.ItemId, Delta = 1, IdempotencyKey = Seed.Next("k") });
        }

        var whole = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageSize = 200 });
        var pages = await HistoryListTests.PagesAsync(
            token => seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageSize = 50, PageToken = token }).ResponseAsync,
            r => r.NextPageToken);

        Assert.Equal(120, whole.Records.Count);
        Assert.Equal("", whole.NextPageToken);
        Assert.Equal([50, 50, 20], pages.Select(p => p.Records.Count));
        Assert.Equal("", pages[^1].NextPageToken);
        Assert.Equal(whole.Records, pages.SelectMany(p => p.Records));
        Assert.Equal(
            Enumerable.Range(1, 120 - first).Select(n => $"item latte: +1, {n} in stock"),
            pages.SelectMany(p => p.Records).Where(r => r.Action == "restock-item").Select(r => r.Details));
        var month = ParkMonth(Node.Time.GetUtcNow());
        Assert.All(pages, p => Assert.Equal(month, p.Month));
        var defaults = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park });
        Assert.Equal(50, defaults.Records.Count);
        var oversized = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageSize = 201 }));
        Assert.Equal(["page_size"], RpcAssert.ViolatedFields(oversized));
    }

    [Fact]
    public async Task ATokenReusedWithAnotherBranchOrMonthIsInvalidArgument()
    {
        var seed = await Seed.CreateAsync(Node);
        await seed.MemberAsync();
        var month = ParkMonth(Node.Time.GetUtcNow());
        var parkToken = (await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageSize = 1 })).NextPageToken;
        var branchToken = (await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, BranchId = seed.Branch, PageSize = 1 })).NextPageToken;
        Assert.All(new[] { parkToken, branchToken }, t => Assert.NotEmpty(t));

        Func<Task>[] reused =
        [
            () => seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, BranchId = seed.Branch, PageToken = parkToken }).ResponseAsync,
            () => seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageToken = branchToken }).ResponseAsync,
            () => seed.Secretary.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, BranchId = Seed.Next("br"), PageToken = branchToken }).ResponseAsync,
            () => seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, Month = month, PageToken = parkToken }).ResponseAsync,
            () => seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageToken = parkToken + "A" }).ResponseAsync,
        ];
        foreach (var call in reused)
        {
            var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument, call);
            Assert.Equal(["page_token"], RpcAssert.ViolatedFields(error));
        }

        var next = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageSize = 1, PageToken = parkToken });
        Assert.Single(next.Records);
    }

    [Fact]
    public async Task ASecretarysPagedListHasOnlyTheirBranch()
    {
        var seed = await Seed.CreateAsync(Node);
        var (branch2, secretary2) = await seed.SecondBranchAsync();
        for (var i = 0; i < 3; i++)
        {
            await seed.MemberAsync();
            await secretary2.Organization.RegisterMemberAsync(new RegisterMemberRequest
            {
                BranchId = branch2, MemberId = Seed.Next("m"), DisplayName = "李四", IdempotencyKey = Seed.Next("k"),
            });
        }

        var pages = await HistoryListTests.PagesAsync(
            token => seed.Secretary.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, BranchId = seed.Branch, PageSize = 2, PageToken = token }).ResponseAsync,
            r => r.NextPageToken);
        var whole = (await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageSize = 200 })).Records;

        var listed = pages.SelectMany(p => p.Records).ToList();
        Assert.All(listed, r => Assert.Equal(seed.Branch, r.BranchId));
        Assert.Equal(whole.Where(r => r.BranchId == seed.Branch), listed);
        Assert.Equal(7, listed.Count); // create-branch, then register-member and verify-member three times
        Assert.All(pages.SkipLast(1), p => Assert.Equal(2, p.Records.Count));
        Assert.Contains(whole, r => r.BranchId == branch2 && r.Action == "register-member");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => seed.Secretary.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageSize = 2 }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => seed.Secretary.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, BranchId = branch2, PageSize = 2 }));
    }

    [Fact]
    public async Task AListOfTheCurrentMonthKeepsItsMonthAfterTheParksMonthTurns()
    {
        var node = await TestNode.StartAsync(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(
            new DateTimeOffset(2026, 11, 30, 15, 50, 0, TimeSpan.Zero))); // 23:50 on 30 November in Shanghai
        try
        {
            var seed = await Seed.CreateAsync(node);
            await seed.MemberAsync();
            var first = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageSize = 2 });

            node.Time.Advance(TimeSpan.FromMinutes(20)); // 00:10 on 1 December in Shanghai
            await seed.MemberAsync();
            var rest = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, PageSize = 2, PageToken = first.NextPageToken });
            var december = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park });
            var november = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park, Month = "2026-11" });

            Assert.Equal("2026-11", first.Month);
            Assert.Equal(["create-committee", "create-branch"], first.Records.Select(r => r.Action));
            Assert.Equal(("2026-11", ""), (rest.Month, rest.NextPageToken));
            Assert.Equal(["register-member", "verify-member"], rest.Records.Select(r => r.Action));
            Assert.Equal("2026-12", december.Month);
            Assert.Equal(["register-member", "verify-member"], december.Records.Select(r => r.Action));
            Assert.Equal(("2026-11", 4), (november.Month, november.Records.Count));
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(node.DataDirectory, recursive: true);
        }
    }

    private static string ParkMonth(DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
