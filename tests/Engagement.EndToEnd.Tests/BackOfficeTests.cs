using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class BackOfficeTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task ARosterImportWithBadRowsIsRejectedWithTheirLineNumbersAndImportsNothing()
    {
        var seed = await Seed.CreateAsync(Node);
        var (good, bad) = (Seed.Next("m"), Seed.Next("m"));
        var csv = $"member_id,display_name,phone,company,join_date\n{good},张三,13800000000,中芯国际,2020-05-01\n{bad},,phone?,华虹,2021-02-30\n";

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument, () =>
            seed.Secretary.BackOffice.ImportRosterAsync(new ImportRosterRequest { BranchId = seed.Branch, Csv = csv, IdempotencyKey = Seed.Next("k") }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.MemberNotFound, () =>
            seed.Secretary.Organization.GetMemberAsync(new GetMemberRequest { MemberId = good }));

        Assert.Equal(["rows[3].display_name", "rows[3].phone", "rows[3].join_date"], RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task ARosterImportWithImportValidRowsRegistersTheGoodRowsAndReportsTheBadOnes()
    {
        var seed = await Seed.CreateAsync(Node);
        var (existing, _) = await seed.MemberAsync();
        var (a, b) = (Seed.Next("m"), Seed.Next("m"));
        var csv = $"{a},张三,13800000000,\"张江, 高科\",2020-05-01\n{existing},李四,,中芯,2021-01-01\n{b},王五,,,2019-12-31\n{a},重复,,,2019-12-31\n";
        var request = new ImportRosterRequest { BranchId = seed.Branch, Csv = csv, ImportValidRows = true, IdempotencyKey = Seed.Next("k") };

        var result = await seed.Secretary.BackOffice.ImportRosterAsync(request);
        var retry = await seed.Secretary.BackOffice.ImportRosterAsync(request);
        var member = (await seed.Secretary.Organization.GetMemberAsync(new GetMemberRequest { MemberId = a })).Member;

        Assert.Equal([a, b], result.ImportedMemberIds);
        Assert.Equal([(2, "member_id"), (4, "member_id")], result.RowErrors.Select(e => (e.Line, e.Field)));
        Assert.Equal(result, retry);
        Assert.Equal(seed.Branch, member.BranchId);
        Assert.Equal("张江, 高科", member.Company);
        Assert.Equal("2020-05-01", member.JoinDate);
        Assert.True(member.Active);
        Assert.False(member.Verified);
    }

    [Fact]
    public async Task AnAcceptedTransferMovesTheMemberWithTheirBalanceToTheNewSecretary()
    {
        var seed = await Seed.CreateAsync(Node);
        var (toBranch, newSecretary) = await seed.SecondBranchAsync();
        var (id, member) = await seed.MemberAsync();
        await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 25, Reason = "补录", IdempotencyKey = Seed.Next("k") });

        var requested = await seed.Secretary.BackOffice.RequestTransferAsync(new RequestTransferRequest { MemberId = id, ToBranchId = toBranch, IdempotencyKey = Seed.Next("k") });
        var pending = await newSecretary.BackOffice.ListPendingTransfersAsync(new ListPendingTransfersRequest { BranchId = toBranch });
        var accepted = await newSecretary.BackOffice.AcceptTransferAsync(new AcceptTransferRequest { MemberId = id, IdempotencyKey = Seed.Next("k") });
        var profile = (await member.Organization.GetMemberAsync(new GetMemberRequest { MemberId = id })).Member;
        var balance = await member.Points.GetBalanceAsync(new GetBalanceRequest { MemberId = id });
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () =>
            seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 1, Reason = "x", IdempotencyKey = Seed.Next("k") }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () =>
            seed.Secretary.Organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = id, IdempotencyKey = Seed.Next("k") }));
        var adjusted = await newSecretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 1, Reason = "x", IdempotencyKey = Seed.Next("k") });
        var after = await newSecretary.BackOffice.ListPendingTransfersAsync(new ListPendingTransfersRequest { BranchId = toBranch });
        var audit = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park });

        Assert.Equal(V1.TransferStatus.Pending, requested.Transfer.Status);
        Assert.Equal(id, Assert.Single(pending.Transfers).MemberId);
        Assert.Equal(V1.TransferStatus.Accepted, accepted.Transfer.Status);
        Assert.Equal(toBranch, profile.BranchId);
        Assert.NotNull(profile.TransferTime);
        Assert.Equal(25, balance.Balance);
        Assert.Equal(26, adjusted.Balance);
        Assert.Empty(after.Transfers);
        Assert.Contains(audit.Records, r => r.Action == "request-transfer" && r.Target == id);
        Assert.Contains(audit.Records, r => r.Action == "accept-transfer" && r.Target == id);
    }

    [Fact]
    public async Task ADeclinedTransferChangesNothingAndASecretaryOfAnotherBranchCanDoNoneOfIt()
    {
        var seed = await Seed.CreateAsync(Node);
        var (toBranch, newSecretary) = await seed.SecondBranchAsync();
        var (_, stranger) = await seed.SecondBranchAsync();
        var (id, _) = await seed.MemberAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () =>
            stranger.BackOffice.RequestTransferAsync(new RequestTransferRequest { MemberId = id, ToBranchId = toBranch, IdempotencyKey = Seed.Next("k") }));
        await seed.Secretary.BackOffice.RequestTransferAsync(new RequestTransferRequest { MemberId = id, ToBranchId = toBranch, IdempotencyKey = Seed.Next("k") });
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () =>
            stranger.BackOffice.AcceptTransferAsync(new AcceptTransferRequest { MemberId = id, IdempotencyKey = Seed.Next("k") }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () =>
            stranger.BackOffice.ListPendingTransfersAsync(new ListPendingTransfersRequest { BranchId = toBranch }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () =>
            stranger.BackOffice.DeactivateMemberAsync(new DeactivateMemberRequest { MemberId = id, IdempotencyKey = Seed.Next("k") }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () =>
            stranger.BackOffice.ImportRosterAsync(new ImportRosterRequest { BranchId = seed.Branch, Csv = $"{Seed.Next("m")},张三,,,2020-01-01", IdempotencyKey = Seed.Next("k") }));
        var declined = await newSecretary.BackOffice.DeclineTransferAsync(new DeclineTransferRequest { MemberId = id, IdempotencyKey = Seed.Next("k") });
        var profile = (await seed.Secretary.Organization.GetMemberAsync(new GetMemberRequest { MemberId = id })).Member;
        var pending = await newSecretary.BackOffice.ListPendingTransfersAsync(new ListPendingTransfersRequest { BranchId = toBranch });

        Assert.Equal(V1.TransferStatus.Declined, declined.Transfer.Status);
        Assert.Equal(seed.Branch, profile.BranchId);
        Assert.Null(profile.TransferTime);
        Assert.Empty(pending.Transfers);
    }

    [Fact]
    public async Task ADeactivatedMemberCannotCheckInButReadsTheirHistoryUntilReactivated()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();
        await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 5, Reason = "补录", IdempotencyKey = Seed.Next("k") });

        var off = await seed.Secretary.BackOffice.DeactivateMemberAsync(new DeactivateMemberRequest { MemberId = id, IdempotencyKey = Seed.Next("k") });
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.MemberDeactivated, () =>
            member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = Seed.Next("k") }));
        var ledger = await member.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = id });
        var on = await seed.Admin.BackOffice.ReactivateMemberAsync(new ReactivateMemberRequest { MemberId = id, IdempotencyKey = Seed.Next("k") });
        var checkIn = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = Seed.Next("k") });

        Assert.False(off.Member.Active);
        Assert.NotNull(off.Member.DeactivateTime);
        Assert.Single(ledger.Entries);
        Assert.True(on.Member.Active);
        Assert.Equal(5 + checkIn.PointsAwarded, checkIn.Balance);
    }

    [Fact]
    public async Task ASecretaryImportsARosterAndDeactivatesAMemberWithPlainJsonOverHttp()
    {
        var seed = await Seed.CreateAsync(Node);
        var id = Seed.Next("m");
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token("secretary", new RoleGrant(Role.Secretary, seed.Branch)));

        using var import = await http.PostAsJsonAsync($"/v1/branches/{seed.Branch}/members:import",
            new { csv = $"member_id,display_name,phone,company,join_date\n{id},张三,,中芯国际,2020-05-01\n", idempotencyKey = Seed.Next("k") });
        using var off = await http.PostAsJsonAsync($"/v1/members/{id}:deactivate", new { idempotencyKey = Seed.Next("k") });
        var member = JsonDocument.Parse(await off.Content.ReadAsStringAsync()).RootElement.GetProperty("member");

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(id, JsonDocument.Parse(await import.Content.ReadAsStringAsync()).RootElement.GetProperty("importedMemberIds")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal("中芯国际", member.GetProperty("company").GetString());
        Assert.False(member.TryGetProperty("active", out var active) && active.GetBoolean());
    }
}
