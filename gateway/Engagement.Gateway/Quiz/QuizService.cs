using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>The daily quiz: bank imports for park admins, the day's questions and their grading for members.</summary>
public sealed class QuizService(IGrainFactory grains) : V1.QuizService.QuizServiceBase
{
    public override async Task<ImportQuestionsResponse> ImportQuestions(ImportQuestionsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator();
        var bank = QuizValidation.Bank(validator, request.ParkId, request.CommitteeId);
        var questions = request.Questions.ToDomain(validator);
        validator.IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var result = await grains.GetGrain<IQuizBankGrain>(bank).ImportAsync(caller, questions, request.IdempotencyKey, context.CancellationToken);
        return result.ToProto();
    }

    public override async Task<GetDailyQuizResponse> GetDailyQuiz(GetDailyQuizRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        var validator = new RequestValidator().Id("member_id", memberId);
        var day = QuizValidation.Day(validator, "day", request.Day, required: false);
        validator.ThrowIfInvalid();
        var quiz = await grains.GetGrain<IMemberQuizGrain>(memberId).GetDailyQuizAsync(caller, day, context.CancellationToken);
        return quiz.ToProto();
    }

    public override async Task<SubmitDailyQuizResponse> SubmitDailyQuiz(SubmitDailyQuizRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        var validator = new RequestValidator().Id("member_id", memberId);
        var day = QuizValidation.Day(validator, "day", request.Day, required: true);
        var answers = request.Answers.ToDomain(validator);
        validator.IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var submission = await grains.GetGrain<IMemberQuizGrain>(memberId)
            .SubmitAsync(caller, day!.Value, answers, request.IdempotencyKey, context.CancellationToken);
        return submission.ToProto();
    }
}
