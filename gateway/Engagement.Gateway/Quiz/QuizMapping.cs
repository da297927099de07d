using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Quiz records to wire messages. Answers appear only inside a graded result.</summary>
public static class QuizMapping
{
    public static V1.ImportQuestionsResponse ToProto(this QuizImportResult result) => new()
    {
        Added = result.Added,
        Updated = result.Updated,
        Unchanged = result.Unchanged,
        Total = result.Total,
    };

    public static V1.GetDailyQuizResponse ToProto(this DailyQuiz quiz)
    {
        var response = new V1.GetDailyQuizResponse
        {
            Day = ProtoMapping.Day(quiz.Day),
            Bank = quiz.Bank,
            Submitted = quiz.Result is not null,
            Result = quiz.Result?.ToProto(),
        };
        response.Questions.AddRange(quiz.Questions.Select(ToProto));
        return response;
    }

    public static V1.SubmitDailyQuizResponse ToProto(this QuizSubmission submission) => new()
    {
        Result = submission.Result.ToProto(),
        AlreadySubmitted = submission.AlreadySubmitted,
    };

    public static V1.QuizResult ToProto(this QuizResult result)
    {
        var proto = new V1.QuizResult
        {
            Day = ProtoMapping.Day(result.Day),
            CorrectCount = result.CorrectCount,
            QuestionCount = result.Questions.Count,
            FullMarks = result.FullMarks,
            PointsEarned = result.PointsEarned,
            Award = result.Award?.ToProto(),
            SubmitTime = Timestamp.FromDateTimeOffset(result.SubmittedAt),
        };
        proto.Questions.AddRange(result.Questions.Select(r =>
        {
            var review = new V1.QuestionReview { QuestionId = r.QuestionId, Correct = r.Correct, Explanation = r.Explanation };
            review.ChosenOptions.AddRange(r.ChosenOptions);
            review.CorrectOptions.AddRange(r.CorrectOptions);
            return review;
        }));
        proto.WrongAnswerTags.AddRange(result.WrongAnswerTags);
        return proto;
    }

    private static V1.QuizItem ToProto(QuizItem item)
    {
        var proto = new V1.QuizItem { QuestionId = item.QuestionId, Kind = (V1.QuestionKind)(int)item.Kind, Stem = item.Stem };
        proto.Options.AddRange(item.Options);
        proto.Tags.AddRange(item.Tags);
        return proto;
    }
}
