using Engagement.V1;

namespace Engagement.EndToEnd;

public sealed class QuizDurabilityTests
{
    [Fact]
    public async Task TheBankTheDaysSetAndTheResultSurviveARestart()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-quiz-").FullName;
        try
        {
            Seed seed;
            string memberId;
            GetDailyQuizResponse before;
            SubmitDailyQuizResponse submitted;
            var bank = QuizClients.Singles("q", 9);
            var import = QuizClients.ImportInto("", bank);
            var node = await TestNode.StartAsync(directory);
            await using (node)
            {
                seed = await Seed.CreateAsync(node);
                import.ParkId = seed.Park;
                await node.QuizAs("admin", new RoleGrant(Role.ParkAdmin, seed.Park)).ImportQuestionsAsync(import);
                (memberId, _) = await seed.MemberAsync();
                before = await node.QuizOfMember(memberId).GetDailyQuizAsync(new GetDailyQuizRequest());
                submitted = await node.QuizOfMember(memberId).SubmitDailyQuizAsync(QuizClients.Answers(before, bank, "first"));
            }

            await using var restarted = await TestNode.StartAsync(directory, node.Time);
            var after = await restarted.QuizOfMember(memberId).GetDailyQuizAsync(new GetDailyQuizRequest());
            var again = await restarted.QuizOfMember(memberId).SubmitDailyQuizAsync(QuizClients.Answers(before, bank, "again", _ => true));
            var retriedImport = await restarted.QuizAs("admin", new RoleGrant(Role.ParkAdmin, seed.Park)).ImportQuestionsAsync(import);

            Assert.Equal(before.Questions, after.Questions);
            Assert.Equal(submitted.Result, after.Result);
            Assert.True(again.AlreadySubmitted);
            Assert.Equal(submitted.Result, again.Result);
            Assert.Equal((9, 9), (retriedImport.Added, retriedImport.Total));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
