using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Engagement;

[GrainType("quiz-bank")]
public sealed class QuizBankGrain(
    [PersistentState("quiz-bank", StorageNames.Main)] IPersistentState<QuizBankState> state,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency) : EngagementGrain, IQuizBankGrain, IQuizBankGrainInternal
{
    private string Scope => this.GetPrimaryKeyString();

    private QuizBankState S => state.State;

    public async Task<QuizImportResult> ImportAsync(Caller caller, IReadOnlyList<QuizQuestion> questions, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var parkId = await DemandAdminAsync(caller, cancellationToken);
        var fingerprint = Fingerprint(questions);
        var now = clock.UtcNow;
        var batches = new Idempotency<QuizImportResult>(S.Batches, $"quiz-bank/{Scope}", GrainFactory, idempotency.Value.Window, now);
        if (S.Imports.Count > 0)
        {
            foreach (var old in S.Imports)
            {
                await batches.RecordAsync(old.Key, old.Fingerprint, old.Result);
            }

            S.Imports.Clear();
        }

        // The fingerprint is compared here, not by the log: this key reuse has its own published reason.
        if (await batches.FindAsync(idempotencyKey, null) is { Result: { } firstResult } first)
        {
            if (first.RequestHash != fingerprint)
            {
                throw new EngagementException(ErrorKind.InvalidArgument, ErrorReasons.QuizImportKeyReused,
                    "This idempotency key already imported a different batch; use a new key for a changed batch.",
                    [new FieldViolation("idempotency_key", "was used for a different batch")]);
            }

            // Also on a retry (stamped with the first import's time): the audit record may be what a crash lost.
            await AuditAsync(caller, parkId, first.At, firstResult, idempotencyKey);
            return firstResult;
        }

        Validate(questions);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var question in questions)
        {
            if (!S.Questions.TryGetValue(question.QuestionId, out var existing))
            {
                added++;
            }
            else if (existing.SameContent(question))
            {
                unchanged++;
            }
            else
            {
                updated++;
            }
        }

        if (S.Questions.Count + added > QuizLimits.MaxBankSize)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.QuizBankFull,
                $"The bank holds {S.Questions.Count} questions; {added} more would exceed its limit of {QuizLimits.MaxBankSize}.");
        }

        foreach (var question in questions)
        {
            S.Questions[question.QuestionId] = question;
        }

        var result = new QuizImportResult(added, updated, unchanged, S.Questions.Count);
        await batches.RecordAsync(idempotencyKey, fingerprint, result);

        await SaveAsync(state);
        await AuditAsync(caller, parkId, now, result, idempotencyKey);
        return result;
    }

    public Task<IReadOnlyList<QuizQuestion>> DrawAsync(DateOnly day, int count, CancellationToken cancellationToken = default) =>
        Task.FromResult(QuizDraw.Choose(Scope, day, S.Questions.Values, count));

    /// <summary>Demands park-admin of the bank's park and returns that park's id.</summary>
    private async Task<string> DemandAdminAsync(Caller caller, CancellationToken cancellationToken)
    {
        var (kind, id) = QuizKeys.SplitScope(Scope);
        if (kind == QuizKeys.CommitteeScope)
        {
            var committee = await GrainFactory.GetGrain<ICommitteeGrainInternal>(id).GetInfoAsync(cancellationToken);
            await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, committee.ParkId), committee.ParkId, "import questions for this committee",
                () => Missing.Committee(id), cancellationToken);
            return committee.ParkId;
        }

        await GrainFactory.GetGrain<IParkGrainInternal>(id).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, id), id, "import questions for this park", () => Missing.Park(id), cancellationToken);
        return id;
    }

    /// <summary>The import's audit record: on the park or committee whose bank it is, with the counts.</summary>
    private Task AuditAsync(Caller caller, string parkId, DateTimeOffset at, QuizImportResult result, string idempotencyKey)
    {
        var (kind, id) = QuizKeys.SplitScope(Scope);
        return AuditTrail.AppendInParkAsync(GrainFactory, new AuditRecord(at, caller.Subject, "import-quiz-bank", id,
            $"{kind} bank: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged; {result.Total} in the bank", parkId, null),
            idempotencyKey);
    }

    /// <summary>The gateway checks every field; this guards what grading relies on, for any other caller.</summary>
    private static void Validate(IReadOnlyList<QuizQuestion> questions)
    {
        var violations = questions
            .SelectMany((q, i) => q.StructuralProblems().Select(p => p with { Field = $"questions[{i}].{p.Field}" }))
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            if (!seen.Add(questions[i].QuestionId))
            {
                violations.Add(new FieldViolation($"questions[{i}].question_id", "repeats an id earlier in the batch"));
            }
        }

        if (questions.Count is 0 or > QuizLimits.MaxBatch)
        {
            violations.Add(new FieldViolation("questions", $"must hold 1-{QuizLimits.MaxBatch} questions"));
        }

        if (violations.Count > 0)
        {
            throw EngagementException.InvalidArgument(violations);
        }
    }

    private static string Fingerprint(IReadOnlyList<QuizQuestion> questions) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(questions))));
}
