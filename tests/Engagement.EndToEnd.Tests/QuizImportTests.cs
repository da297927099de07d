using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class QuizImportTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task AnImportWithBadRowsNamesEveryBadFieldAndImportsNothing()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        var admin = Node.QuizAs("admin", new RoleGrant(Role.ParkAdmin, seed.Park));
        var good = QuizClients.SingleChoice("good", 0);
        var noKind = QuizClients.Question("no-kind", QuestionKind.Unspecified, [0], "党章", "只有一个选项");
        var twoRight = QuizClients.Question("two-right", QuestionKind.Single, [0, 1]);
        var outOfRange = QuizClients.Question("out-of-range", QuestionKind.Multiple, [1, 4]);
        var blank = QuizClients.SingleChoice("blank", 0);
        blank.Stem = " ";
        blank.Options[2] = "";
        var request = QuizClients.ImportInto(seed.Park, [good, noKind, twoRight, outOfRange, blank, QuizClients.SingleChoice("good", 1)]);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument, () => admin.ImportQuestionsAsync(request));

        Assert.Equal(
        [
            "questions[1].kind", "questions[1].options", "questions[2].correct_options",
            "questions[3].correct_options", "questions[4].stem", "questions[4].options[2]", "questions[5].question_id",
        ], RpcAssert.ViolatedFields(error));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.QuizNotAvailable,
            () => Node.QuizOfMember(id).GetDailyQuizAsync(new GetDailyQuizRequest()));
        var fixedImport = await admin.ImportQuestionsAsync(QuizClients.ImportInto(seed.Park, [good]));
        Assert.Equal((1, 1), (fixedImport.Added, fixedImport.Total));
    }

    [Fact]
    public async Task ReimportingCountsChangesAndOnlyParkAdminsImport()
    {
        var seed = await Seed.CreateAsync(Node);
        var admin = Node.QuizAs("admin", new RoleGrant(Role.ParkAdmin, seed.Park));
        var secretary = Node.QuizAs("secretary", new RoleGrant(Role.Secretary, seed.Branch));
        var bank = QuizClients.Singles("q", 3);
        await admin.ImportQuestionsAsync(QuizClients.ImportInto(seed.Park, bank));
        var changed = bank[2].Clone();
        changed.Explanation = "更新后的解析";

        var again = await admin.ImportQuestionsAsync(QuizClients.ImportInto(seed.Park, [bank[0], bank[1], changed, QuizClients.SingleChoice("q-4", 2)]));

        Assert.Equal((1, 1, 2, 4), (again.Added, again.Updated, again.Unchanged, again.Total));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => secretary.ImportQuestionsAsync(QuizClients.ImportInto(seed.Park, bank)));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => admin.ImportQuestionsAsync(new ImportQuestionsRequest { ParkId = seed.Park, CommitteeId = seed.Committee, IdempotencyKey = "k", Questions = { bank } }));
    }

    [Fact]
    public async Task TheDocumentedBankFileImportsWithCurlIntoAParkAndACommittee()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        var file = await File.ReadAllTextAsync(ExampleBankFile());
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token("admin", new RoleGrant(Role.ParkAdmin, seed.Park)));

        using var park = await http.PostAsync($"/v1/parks/{seed.Park}/quiz/questions:import", new StringContent(file, Encoding.UTF8, "application/json"));
        using var committee = await http.PostAsync($"/v1/committees/{seed.Committee}/quiz/questions:import", new StringContent(file, Encoding.UTF8, "application/json"));
        using var retry = await http.PostAsync($"/v1/parks/{seed.Park}/quiz/questions:import", new StringContent(file, Encoding.UTF8, "application/json"));
        var quiz = await Node.QuizOfMember(id).GetDailyQuizAsync(new GetDailyQuizRequest());

        Assert.Equal(HttpStatusCode.OK, park.StatusCode);
        Assert.Equal(HttpStatusCode.OK, committee.StatusCode);
        var body = JsonDocument.Parse(await park.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(7, body.GetProperty("added").GetInt32());
        Assert.Equal(7, body.GetProperty("total").GetInt32());
        Assert.Equal(await park.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(QuizKeys.Committee(seed.Committee), quiz.Bank);
        Assert.Equal(5, quiz.Questions.Count);
        Assert.All(quiz.Questions, q => Assert.StartsWith("dz-", q.QuestionId, StringComparison.Ordinal));
    }

    private static string ExampleBankFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "quiz-bank.example.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/quiz-bank.example.json not found above the test binaries.");
    }
}
