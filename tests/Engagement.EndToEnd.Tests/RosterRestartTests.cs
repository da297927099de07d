using Engagement.V1;

namespace Engagement.EndToEnd;

public sealed class RosterRestartTests
{
    [Fact]
    public async Task TheRosterAndAPageTokenIssuedBeforeARestartReadTheSameAfterIt()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-roster-").FullName;
        try
        {
            Seed seed;
            Roster roster;
            string branch2;
            ListMembersResponse firstPage;
            List<MemberSummary> before;
            await using (var node = await TestNode.StartAsync(directory))
            {
                seed = await Seed.CreateAsync(node);
                Api secretary2;
                (branch2, secretary2) = await seed.SecondBranchAsync();
                roster = await Roster.FillAsync(seed.Branch, seed.Secretary, 5);
                var second = await Roster.FillAsync(branch2, secretary2, 2);
                roster.Members.AddRange(second.Members);
                foreach (var (id, status) in second.Expected)
                {
                    roster.Expected[id] = status;
                }

                firstPage = await seed.Admin.Organization.ListMembersAsync(new ListMembersRequest { ParkId = seed.Park, PageSize = 3 });
                before = await ListAsync(seed.Admin, new ListMembersRequest { ParkId = seed.Park, PageSize = 100 });
            }

            await using var restarted = await TestNode.StartAsync(directory);
            var again = Seed.Reattach(seed, restarted.Channel, restarted.Key);
            var rest = await ListAsync(again.Admin, new ListMembersRequest { ParkId = seed.Park, PageSize = 3, PageToken = firstPage.NextPageToken });
            var after = await ListAsync(again.Admin, new ListMembersRequest { ParkId = seed.Park, PageSize = 100 });
            var branches = await again.Admin.Organization.ListBranchesAsync(new ListBranchesRequest { CommitteeId = seed.Committee });

            Assert.Equal(before, after);
            Assert.Equal(7, after.Count);
            Assert.Equal(after.Select(m => m.MemberId), firstPage.Members.Concat(rest).Select(m => m.MemberId));
            Assert.All(after, m => Assert.Equal(roster.Expected[m.MemberId], m.Status));
            Assert.Equal(new[] { seed.Branch, branch2 }.Order(StringComparer.Ordinal), branches.Branches.Select(b => b.BranchId));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<MemberSummary>> ListAsync(Api caller, ListMembersRequest request)
    {
        var members = new List<MemberSummary>();
        do
        {
            var page = await caller.Organization.ListMembersAsync(request);
            members.AddRange(page.Members);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return members;
    }
}
