namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class QuizBankTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task ImportingCountsNewChangedAndUnchangedQuestionsAndARetryReturnsTheFirstCounts()
    {
        var org = await new Org(_grains).CreateAsync();
        var bank = _grains.GetGrain<IQuizBankGrain>(QuizKeys.Park(org.Park));
        var first = QuizBank.Singles("q", 4);

        var initial = await bank.ImportAsync(org.Admin, first, "import-1");
        var second = await bank.ImportAsync(org.Admin, [first[0], first[1] with { Stem = "改过的题干" }, QuizBank.Single("q-9", 1)], "import-2");
        var retry = await bank.ImportAsync(org.Admin, first, "import-1");

        Assert.Equal(new QuizImportResult(4, 0, 0, 4), initial);
        Assert.Equal(new QuizImportResult(Added: 1, Updated: 1, Unchanged: 1, Total: 5), second);
        Assert.Equal(initial, retry);
    }

    [Fact]
    public async Task TheSameKeyWithAChangedBatchIsRefusedAndChangesNothing()
    {
        var org = await new Org(_grains).CreateAsync();
        var bank = _grains.GetGrain<IQuizBankGrain>(QuizKeys.Park(org.Park));
        await bank.ImportAsync(org.Admin, QuizBank.Singles("q", 2), "bank-file");

        var error = await Assert.ThrowsAsync<EngagementException>(() => bank.ImportAsync(org.Admin, QuizBank.Singles("q", 3), "bank-file"));

        Assert.Equal(ErrorReasons.QuizImportKeyReused, error.Reason);
        Assert.Equal(2, (await bank.ImportAsync(org.Admin, QuizBank.Singles("q", 2), "bank-file")).Total);
    }

    [Fact]
    public async Task OnlyParkAdminsOfTheParkOrOfTheCommitteesParkImport()
    {
        var org = await new Org(_grains).CreateAsync();
        var other = await new Org(_grains).CreateAsync();
        var leader = Org.As("leader", new RoleGrant(Role.CommitteeLeader, org.Committee));

        var bySecretary = await Assert.ThrowsAsync<EngagementException>(() =>
            _grains.GetGrain<IQuizBankGrain>(QuizKeys.Park(org.Park)).ImportAsync(org.Secretary, QuizBank.Singles("q", 1), "k"));
        var byLeader = await Assert.ThrowsAsync<EngagementException>(() =>
            _grains.GetGrain<IQuizBankGrain>(QuizKeys.Committee(org.Committee)).ImportAsync(leader, QuizBank.Singles("q", 1), "k"));
        var byOtherPark = await Assert.ThrowsAsync<EngagementException>(() =>
            _grains.GetGrain<IQuizBankGrain>(QuizKeys.Committee(org.Committee)).ImportAsync(other.Admin, QuizBank.Singles("q", 1), "k"));
        var committee = await _grains.GetGrain<IQuizBankGrain>(QuizKeys.Committee(org.Committee)).ImportAsync(org.Admin, QuizBank.Singles("q", 1), "k");

        Assert.All([bySecretary, byLeader], e => Assert.Equal(ErrorKind.PermissionDenied, e.Kind));
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.CommitteeNotFound), (byOtherPark.Kind, byOtherPark.Reason));
        Assert.Equal(1, committee.Added);
    }

    [Fact]
    public async Task AQuestionThatCannotBeGradedIsRefusedWithItsFieldAndNothingIsImported()
    {
        var org = await new Org(_grains).CreateAsync();
        var bank = _grains.GetGrain<IQuizBankGrain>(QuizKeys.Park(org.Park));
        QuizQuestion[] batch = [QuizBank.Single("ok", 0), QuizBank.Single("two-right", 0) with { CorrectOptions = [0, 1] }, QuizBank.Multiple("none-right", [])];

        var error = await Assert.ThrowsAsync<EngagementException>(() => bank.ImportAsync(org.Admin, batch, "k"));

        Assert.Equal(["questions[1].correct_options", "questions[2].correct_options"], error.Violations.Select(v => v.Field));
        Assert.Equal(1, (await bank.ImportAsync(org.Admin, [batch[0]], "k2")).Total);
    }
}
