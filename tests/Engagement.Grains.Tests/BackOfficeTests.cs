namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class BackOfficeTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task ADeactivatedMemberCanNeitherEarnNorRedeemButKeepsTheirHistoryUntilReactivated()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var id = member.GetPrimaryKeyString();
        await member.AdjustAsync(org.Secretary, 20, "补录", Org.Next("k"));

        var deactivated = await member.SetActiveAsync(org.Secretary, active: false, "off-1");
        var checkIn = await Assert.ThrowsAsync<EngagementException>(() => member.CheckInAsync(Org.MemberCaller(id), Org.Next("k")));
        var award = await Assert.ThrowsAsync<EngagementException>(() => member.AwardAsync(new Award(Activity.Quiz, 5, "quiz", Org.Next("k"))));
        var hold = await Assert.ThrowsAsync<EngagementException>(() => member.HoldAsync(Org.Next("r"), 5, new PurchaseLimit("x/y", null, null)));
        var ledger = await member.ListLedgerAsync(Org.MemberCaller(id), 10, null);
        var reactivated = await member.SetActiveAsync(org.Admin, active: true, "on-1");
        var afterwards = await member.CheckInAsync(Org.MemberCaller(id), Org.Next("k"));
        var audit = (await _grains.GetGrain<IParkGrain>(org.Park).ListAuditAsync(org.Admin, null, null)).Records;

        Assert.False(deactivated.Active);
        Assert.Equal(ErrorReasons.MemberDeactivated, checkIn.Reason);
        Assert.Equal(ErrorKind.FailedPrecondition, checkIn.Kind);
        Assert.Equal(ErrorReasons.MemberDeactivated, award.Reason);
        Assert.Equal(ErrorReasons.MemberDeactivated, hold.Reason);
        Assert.Single(ledger.Entries);
        Assert.True(reactivated.Active);
        Assert.True(afterwards.PointsAwarded > 0);
        Assert.Contains(audit, r => r.Action == "deactivate-member" && r.Target == id);
        Assert.Contains(audit, r => r.Action == "reactivate-member" && r.Target == id);
    }

    [Fact]
    public async Task AnAcceptedTransferMovesTheMemberWithTheirPointsAndHandsThemToTheNewSecretary()
    {
        var org = await new Org(_grains).CreateAsync();
        var to = await SecondBranchAsync(org);
        var newSecretary = Org.As("sec2", new RoleGrant(Role.Secretary, to));
        var member = await org.MemberAsync();
        var id = member.GetPrimaryKeyString();
        await member.AdjustAsync(org.Secretary, 30, "补录", Org.Next("k"));
        var transfers = _grains.GetGrain<IMemberTransferGrain>(id);

        var requested = await transfers.RequestAsync(org.Secretary, to, "t-1");
        var inbox = await _grains.GetGrain<IBranchTransfersGrain>(to).ListAsync(newSecretary);
        var accepted = await transfers.DecideAsync(newSecretary, accept: true, "d-1");
        var retried = await transfers.DecideAsync(newSecretary, accept: true, "d-1");
        var profile = await member.GetProfileAsync(newSecretary);
        var oldAdjust = await Assert.ThrowsAsync<EngagementException>(() => member.AdjustAsync(org.Secretary, 1, "x", Org.Next("k")));
        var newAdjust = await member.AdjustAsync(newSecretary, 1, "x", Org.Next("k"));

        Assert.Equal(TransferStatus.Pending, requested.Status);
        Assert.Equal(id, Assert.Single(inbox).MemberId);
        Assert.Equal(TransferStatus.Accepted, accepted.Status);
        Assert.Equal(accepted, retried);
        Assert.Equal(to, profile.BranchId);
        Assert.NotNull(profile.TransferredAt);
        Assert.Equal(ErrorKind.PermissionDenied, oldAdjust.Kind);
        Assert.Equal(31, newAdjust.Balance);
        Assert.Contains(id, await _grains.GetGrain<IBranchGrain>(to).ListMembersAsync());
        Assert.DoesNotContain(id, await _grains.GetGrain<IBranchGrain>(org.Branch).ListMembersAsync());
        Assert.Empty(await _grains.GetGrain<IBranchTransfersGrain>(to).ListAsync(newSecretary));
    }

    [Fact]
    public async Task ADeclinedTransferChangesNothingAndAnotherBranchSecretaryCanDoNoneOfIt()
    {
        var org = await new Org(_grains).CreateAsync();
        var to = await SecondBranchAsync(org);
        var newSecretary = Org.As("sec2", new RoleGrant(Role.Secretary, to));
        var stranger = (await new Org(_grains).CreateAsync()).Secretary;
        var member = await org.MemberAsync();
        var id = member.GetPrimaryKeyString();
        var transfers = _grains.GetGrain<IMemberTransferGrain>(id);

        var foreignRequest = await Assert.ThrowsAsync<EngagementException>(() => transfers.RequestAsync(stranger, to, "t-0"));
        await transfers.RequestAsync(org.Secretary, to, "t-1");
        var second = await Assert.ThrowsAsync<EngagementException>(() => transfers.RequestAsync(org.Secretary, to, "t-2"));
        var selfAccept = await Assert.ThrowsAsync<EngagementException>(() => transfers.DecideAsync(org.Secretary, accept: true, "d-0"));
        var foreignList = await Assert.ThrowsAsync<EngagementException>(() => _grains.GetGrain<IBranchTransfersGrain>(to).ListAsync(stranger));
        var foreignDeactivate = await Assert.ThrowsAsync<EngagementException>(() => member.SetActiveAsync(stranger, false, "x"));
        var declined = await transfers.DecideAsync(newSecretary, accept: false, "d-1");
        var none = await Assert.ThrowsAsync<EngagementException>(() => transfers.DecideAsync(newSecretary, accept: true, "d-2"));

        // The stranger is of another park: the member and the branch are unknown to them.
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.MemberNotFound), (foreignRequest.Kind, foreignRequest.Reason));
        Assert.Equal(ErrorReasons.TransferPending, second.Reason);
        Assert.Equal(ErrorKind.PermissionDenied, selfAccept.Kind);
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.BranchNotFound), (foreignList.Kind, foreignList.Reason));
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.MemberNotFound), (foreignDeactivate.Kind, foreignDeactivate.Reason));
        Assert.Equal(TransferStatus.Declined, declined.Status);
        Assert.Equal(ErrorReasons.TransferNotFound, none.Reason);
        Assert.Equal(org.Branch, (await member.GetProfileAsync(org.Secretary)).BranchId);
        Assert.Contains(id, await _grains.GetGrain<IBranchGrain>(org.Branch).ListMembersAsync());
        Assert.Empty(await _grains.GetGrain<IBranchTransfersGrain>(to).ListAsync(newSecretary));
    }

    [Fact]
    public async Task ARosterImportWithABadRowImportsNothingUnlessAskedToImportTheValidRows()
    {
        var org = await new Org(_grains).CreateAsync();
        var (a, b) = (Org.Next("m"), Org.Next("m"));
        var csv = $"member_id,display_name,phone,company,join_date\n{a},张三,13800000000,\"华虹, 集团\",2020-05-01\n{b},李四,12ab,中芯,2021-13-01\n";
        var import = _grains.GetGrain<IRosterImportGrain>(org.Branch);

        var rejected = await Assert.ThrowsAsync<EngagementException>(() => import.ImportAsync(org.Secretary, csv, importValidRows: false, "i-1"));
        var nothing = await Assert.ThrowsAsync<EngagementException>(() => _grains.GetGrain<IMemberGrainInternal>(a).GetMembershipAsync());
        var partial = await import.ImportAsync(org.Secretary, csv, importValidRows: true, "i-2");
        var retried = await import.ImportAsync(org.Secretary, csv, importValidRows: true, "i-2");
        var profile = await _grains.GetGrain<IMemberGrainInternal>(a).GetMembershipAsync();

        Assert.Equal(["rows[3].phone", "rows[3].join_date"], rejected.Violations.Select(v => v.Field));
        Assert.Equal(ErrorReasons.MemberNotFound, nothing.Reason);
        Assert.Equal([a], partial.ImportedMemberIds);
        Assert.Equal([3, 3], partial.RowErrors.Select(e => e.Line));
        Assert.Equal(partial.ImportedMemberIds, retried.ImportedMemberIds);
        Assert.Equal(partial.RowErrors, retried.RowErrors);
        Assert.Equal("华虹, 集团", profile.Company);
        Assert.Equal(new DateOnly(2020, 5, 1), profile.JoinDate);
        Assert.Equal(org.Branch, profile.BranchId);
        Assert.Contains(a, await _grains.GetGrain<IBranchGrain>(org.Branch).ListMembersAsync());
        var audit = (await _grains.GetGrain<IParkGrain>(org.Park).ListAuditAsync(org.Secretary, null, org.Branch)).Records;
        Assert.Equal("1 imported, 1 skipped", Assert.Single(audit, r => r.Action == "import-roster").Details);
    }

    private async Task<string> SecondBranchAsync(Org org)
    {
        var branch = Org.Next("br");
        await _grains.GetGrain<IBranchGrain>(branch).CreateAsync(org.Admin, org.Committee, "第二党支部", Org.Next("k"));
        return branch;
    }
}
