namespace Engagement.EndToEnd;

/// <summary>QuizService clients for one caller, and the question banks the quiz tests import.</summary>
public static class QuizClients
{
    public static V1.QuizService.QuizServiceClient QuizAs(this TestNode node, string subject, params RoleGrant[] grants) =>
        node.As(node.Token(subject, grants)).Quiz;

    public static V1.QuizService.QuizServiceClient QuizOfMember(this TestNode node, string memberId) =>
        node.QuizAs(memberId, new RoleGrant(Role.Member, memberId));

    public static V1.Question SingleChoice(string id, int correct, string tag = "党章") => Question(id, V1.QuestionKind.Single, [correct], tag);

    public static V1.Question Question(string id, V1.QuestionKind kind, int[] correct, string tag = "党章", params string[] options)
    {
        var question = new V1.Question { QuestionId = id, Kind = kind, Stem = $"题目 {id}", Explanation = $"解析 {id}" };
        question.Options.AddRange(options.Length > 0 ? options : ["甲", "乙", "丙", "丁"]);
        question.CorrectOptions.AddRange(correct);
        question.Tags.Add(tag);
        return question;
    }

    /// <summary><paramref name="count"/> single-choice questions, ids <c>{prefix}-1</c>…</summary>
    public static List<V1.Question> Singles(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => SingleChoice($"{prefix}-{i}", i % 4, $"tag-{i}"))];

    /// <summary>An import request for a park bank with a fresh key.</summary>
    public static V1.ImportQuestionsRequest ImportInto(string parkId, IEnumerable<V1.Question> questions)
    {
        var request = new V1.ImportQuestionsRequest { ParkId = parkId, IdempotencyKey = Seed.Next("import") };
        request.Questions.AddRange(questions);
        return request;
    }

    /// <summary>A submission of the fetched quiz: right answers, except for the questions <paramref name="wrong"/> picks.</summary>
    public static V1.SubmitDailyQuizRequest Answers(V1.GetDailyQuizResponse quiz, IEnumerable<V1.Question> bank, string key, Func<V1.Question, bool>? wrong = null)
    {
        var byId = bank.ToDictionary(q => q.QuestionId);
        var request = new V1.SubmitDailyQuizRequest { Day = quiz.Day, IdempotencyKey = key };
        foreach (var question in quiz.Questions.Select(q => byId[q.QuestionId]))
        {
            var answer = new V1.QuizAnswer { QuestionId = question.QuestionId };
            answer.ChosenOptions.AddRange(wrong?.Invoke(question) == true ? [(question.CorrectOptions[0] + 1) % question.Options.Count] : question.CorrectOptions);
            request.Answers.Add(answer);
        }

        return request;
    }
}
