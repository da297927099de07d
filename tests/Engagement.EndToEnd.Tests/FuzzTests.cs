using System.Collections;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engagement.Gateway;
using Engagement.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Engagement.EndToEnd;

/// <summary>
/// Every RPC (from the service descriptors) called with boundary values in every field, one field at a time, from a
/// request that names the seeded park's real things: empty and oversized strings, control characters and odd Unicode,
/// extreme numbers, timestamps at and beyond the representable range (and negative nanos), impossible days, unknown
/// enum numbers, empty and very long repeated fields. The caller holds every role in the park, so access checks do not
/// hide a validation gap; a plain member repeats part of the sweep. Every answer is OK or a documented status with an
/// ErrorInfo whose reason docs/errors.md lists for that status — never INTERNAL or UNKNOWN — and the node stays SERVING.
/// The CSV downloads (plain HTTP routes) never answer 500.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed partial class FuzzTests(NodeFixture fixture)
{
    private const int LongText = 10_001;
    private const int ManyElements = 1_000;

    private static readonly string[] Strings =
    [
        "",
        " ",
        new('x', LongText),
        "a\nb",
        "a\0b",
        "\t",
        "\u202Eabc\u200F",
        "😀👨‍👩‍👧",
        "e\u0301\u0308\u0327",
        "１２３４５",
        "\uFEFF",
        "0001-01-01",
        "9999-12-31",
        "2026-02-30",
        "0001-01",
        "-1",
        "9223372036854775808",
    ];

    private static readonly string[] Days = ["", "0001-01-01", "0001-01-02", "9999-12-31", "2026-02-30", "0000-00-00", "-1", "２０２６-１１-２０", "2026-11-20\n", new('9', 300)];

    private TestNode Node => fixture.Node;

    [Fact]
    public async Task EveryRpcAnswersBoundaryValuesWithADocumentedStatusAndTheNodeStaysServing()
    {
        var documented = DocumentedReasons();
        var failures = new ConcurrentQueue<string>();
        var calls = 0;
        var baselinesAnswered = 0;
        using var gate = new SemaphoreSlim(3);
        await Task.WhenAll(ApiDescriptors.Methods.GroupBy(m => m.Service.FullName).Select(async service =>
        {
            await gate.WaitAsync();
            try
            {
                using var world = await World.CreateAsync(Node);
                foreach (var method in service)
                {
                    var cases = Cases(method.InputType, [], 0).ToList();
                    var sweep = cases.Select((c, i) => (Case: c, Member: i % 4 == 0)).Prepend((Case: Baseline, Member: true));
                    var runs = sweep.SelectMany(s => s.Member ? new[] { (s.Case, Who: "everyone"), (s.Case, Who: "member") } : [(s.Case, Who: "everyone")]);
                    async Task Run((Case Case, string Who) run)
                    {
                        var request = world.Request(method.InputType);
                        run.Case.Apply(request);
                        Interlocked.Increment(ref calls);
                        var (code, problem) = await CallAsync(run.Who == "member" ? world.Member : world.Everyone, method, request, documented);
                        if (run.Case == Baseline && run.Who == "everyone" && code == StatusCode.OK)
                        {
                            Interlocked.Increment(ref baselinesAnswered);
                        }

                        if (problem is not null)
                        {
                            failures.Enqueue($"{ApiDescriptors.FullName(method)} as {run.Who}, {run.Case.Label}: {problem}");
                        }
                    }

                    if (method.IsServerStreaming)
                    {
                        await Task.WhenAll(runs.Select(Run));
                    }
                    else
                    {
                        foreach (var run in runs)
                        {
                            await Run(run);
                        }
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.True(failures.IsEmpty, $"{failures.Count} of {calls} calls answered badly:\n{string.Join("\n", failures.Take(60))}");
        Assert.True(calls > 3000, $"only {calls} calls swept");
        Assert.True(baselinesAnswered * 4 > ApiDescriptors.Methods.Count * 3,
            $"only {baselinesAnswered} of {ApiDescriptors.Methods.Count} unchanged requests succeeded: the sweep stops at checks before validation");
        var health = await new Health.HealthClient(Node.Channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task TheCsvDownloadsRefuseBoundaryDaysAndIdsWithoutA500()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token("everyone",
            new RoleGrant(Role.ParkAdmin, seed.Park), new RoleGrant(Role.CommitteeLeader, seed.Committee), new RoleGrant(Role.Secretary, seed.Branch),
            new RoleGrant(Role.MerchantStaff, counter.MerchantId)));
        var routes = new List<string>();
        foreach (var (scope, id) in new[] { ("branches", seed.Branch), ("committees", seed.Committee) })
        {
            foreach (var table in new[] { "days", "members", "branches" })
            {
                foreach (var day in Days)
                {
                    var d = Uri.EscapeDataString(day);
                    routes.Add($"/v1/analytics/{scope}/{id}/{table}.csv?fromDay={d}");
                    routes.Add($"/v1/analytics/{scope}/{id}/{table}.csv?toDay={d}");
                    routes.Add($"/v1/analytics/{scope}/{id}/{table}.csv?fromDay={d}&toDay={d}");
                }

                routes.Add($"/v1/analytics/{scope}/{id}/{table}.csv?fromDay=0001-01-01&toDay=2026-11-20");
                routes.Add($"/v1/analytics/{scope}/{id}/{table}.csv?fromDay=2026-11-01&toDay=9999-12-31");
            }
        }

        foreach (var id in new[] { "%20", "A", new string('a', 65), "a%0A", "%E2%80%AEabc", "%F0%9F%98%80" })
        {
            routes.Add($"/v1/analytics/branches/{id}/days.csv");
            routes.Add($"/v1/merchants/{id}/settlements/2026-11-20.csv");
        }

        routes.AddRange(Days.Where(d => d.Length > 0).Select(day => $"/v1/merchants/{counter.MerchantId}/settlements/{Uri.EscapeDataString(day)}.csv"));

        var failures = new List<string>();
        foreach (var route in routes)
        {
            using var response = await http.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{route}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            }
            else if (!response.IsSuccessStatusCode && !HasReason(body))
            {
                failures.Add($"{route}: {(int)response.StatusCode} without a reason: {body[..Math.Min(body.Length, 200)]}");
            }
        }

        foreach (var body in new[] { "", "{", "null", "[]", "{\"role\":null}", "{\"role\":\"member\",\"scope\":\"\\u0000\"}", $"{{\"role\":\"member\",\"scope\":\"m\",\"subject\":\"{new string('x', LongText)}\"}}" })
        {
            using var response = await http.PostAsync("/console/dev-token", new StringContent(body, Encoding.UTF8, "application/json"));
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"/console/dev-token {body[..Math.Min(body.Length, 40)]}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The request as <see cref="World.Request"/> builds it, unchanged.</summary>
    private static readonly Case Baseline = new("baseline", _ => { });

    /// <summary>One request change: a label for the failure message and the change itself.</summary>
    private sealed record Case(string Label, Action<IMessage> Apply);

    /// <summary>Boundary values for every field of <paramref name="message"/> and of the messages it holds (two levels).</summary>
    private static IEnumerable<Case> Cases(MessageDescriptor message, IReadOnlyList<FieldDescriptor> parents, int depth)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var path = string.Join('.', parents.Append(field).Select(f => f.Name));
            if (field.FieldType == FieldType.Message && field.MessageType.FullName != Timestamp.Descriptor.FullName)
            {
                yield return new($"{path} unset", r => Clear(Holder(r, parents), field));
                if (field.IsRepeated)
                {
                    yield return new($"{path} × {ManyElements / 4}", r => Many(Holder(r, parents), field, ManyElements / 4));
                }

                if (depth < 1)
                {
                    foreach (var nested in Cases(field.MessageType, [.. parents, field], depth + 1))
                    {
                        yield return nested;
                    }
                }

                continue;
            }

            if (field.IsRepeated)
            {
                yield return new($"{path} = []", r => Clear(Holder(r, parents), field));
                yield return new($"{path} × {ManyElements}", r => Many(Holder(r, parents), field, ManyElements));
            }
            else if (field.HasPresence)
            {
                yield return new($"{path} unset", r => Clear(Holder(r, parents), field));
            }

            foreach (var (label, value) in Values(field))
            {
                yield return new($"{path} = {label}", r => Set(Holder(r, parents), field, value));
            }
        }

        foreach (var together in Together(message, parents))
        {
            yield return together;
        }
    }

    /// <summary>
    /// Fields that only mean something together, changed together: the days of a period (all at one value, or one at a
    /// value and the others empty, e.g. only to_day = 0001-01-01) and the times of a window (all at one value).
    /// </summary>
    private static IEnumerable<Case> Together(MessageDescriptor message, IReadOnlyList<FieldDescriptor> parents)
    {
        var prefix = string.Concat(parents.Select(f => f.Name + "."));
        var days = message.Fields.InDeclarationOrder()
            .Where(f => f.FieldType == FieldType.String && !f.IsRepeated && (f.Name == "day" || f.Name.EndsWith("_day", StringComparison.Ordinal))).ToList();
        if (days.Count > 1)
        {
            foreach (var day in Days)
            {
                yield return new($"{prefix}{{{string.Join(',', days.Select(f => f.Name))}}} = {Show(day)}", r => days.ForEach(f => Set(Holder(r, parents), f, day)));
                foreach (var only in days)
                {
                    yield return new($"only {prefix}{only.Name} = {Show(day)}", r => days.ForEach(f => Set(Holder(r, parents), f, f == only ? day : "")));
                }
            }
        }

        var times = message.Fields.InDeclarationOrder()
            .Where(f => f.FieldType == FieldType.Message && !f.IsRepeated && f.MessageType.FullName == Timestamp.Descriptor.FullName).ToList();
        if (times.Count > 1)
        {
            foreach (var (label, time) in Timestamps())
            {
                yield return new($"{prefix}{{{string.Join(',', times.Select(f => f.Name))}}} = {label}", r => times.ForEach(f => Set(Holder(r, parents), f, ((Timestamp)time).Clone())));
            }
        }
    }

    private static IEnumerable<(string Label, object Value)> Values(FieldDescriptor field)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                return Strings.Select(s => (Show(s), (object)s));
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                return new[] { -1, 0, 1, int.MaxValue, int.MinValue }.Select(v => (v.ToString(), (object)v));
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                return new[] { -1L, 0L, int.MaxValue + 1L, long.MaxValue, long.MinValue }.Select(v => (v.ToString(), (object)v));
            case FieldType.UInt32 or FieldType.Fixed32:
                return new[] { 0u, uint.MaxValue }.Select(v => (v.ToString(), (object)v));
            case FieldType.UInt64 or FieldType.Fixed64:
                return new[] { 0ul, ulong.MaxValue }.Select(v => (v.ToString(), (object)v));
            case FieldType.Double:
                return new[] { -1d, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue }.Select(v => (v.ToString(), (object)v));
            case FieldType.Float:
                return new[] { -1f, float.NaN, float.PositiveInfinity, float.MaxValue }.Select(v => (v.ToString(), (object)v));
            case FieldType.Bool:
                return [("true", true), ("false", false)];
            case FieldType.Enum:
                return new[] { 0, 999, -1 }.Select(v => ($"enum {v}", (object)v));
            case FieldType.Bytes:
                return [("empty", ByteString.Empty), ("100 KB", ByteString.CopyFrom(new byte[100_000]))];
            case FieldType.Message:
                return Timestamps();
            default:
                throw new NotSupportedException($"{field.FullName}: {field.FieldType}");
        }
    }

    /// <summary>Timestamps at, just beyond and far beyond the range 0001-01-01..9999-12-31, and with nanos out of 0..999,999,999.</summary>
    private static IEnumerable<(string Label, object Value)> Timestamps()
    {
        const long Min = -62_135_596_800;
        const long Max = 253_402_300_799;
        var now = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        return new (string, long, int)[]
        {
            ("0001-01-01T00:00:00Z", Min, 0),
            ("9999-12-31T23:59:59.999999999Z", Max, 999_999_999),
            ("seconds 253402300800", Max + 1, 0),
            ("seconds -62135596801", Min - 1, 0),
            ("seconds long.MaxValue", long.MaxValue, 0),
            ("seconds long.MinValue", long.MinValue, 0),
            ("nanos -1", now, -1),
            ("nanos 1000000000", now, 1_000_000_000),
            ("1970-01-01", 0, 0),
        }.Select(t => (t.Item1, (object)new Timestamp { Seconds = t.Item2, Nanos = t.Item3 }));
    }

    /// <summary>The message that holds the field at the end of <paramref name="parents"/>, created (element 0 of a list) when missing.</summary>
    private static IMessage Holder(IMessage root, IReadOnlyList<FieldDescriptor> parents)
    {
        var message = root;
        foreach (var field in parents)
        {
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                if (list.Count == 0)
                {
                    list.Add(field.MessageType.Parser.ParseFrom(ByteString.Empty));
                }

                message = (IMessage)list[0]!;
                continue;
            }

            if (field.Accessor.GetValue(message) is not IMessage child)
            {
                child = field.MessageType.Parser.ParseFrom(ByteString.Empty);
                field.Accessor.SetValue(message, child);
            }

            message = child;
        }

        return message;
    }

    private static void Set(IMessage message, FieldDescriptor field, object value)
    {
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            list.Clear();
            list.Add(value);
        }
        else
        {
            field.Accessor.SetValue(message, value);
        }
    }

    private static void Clear(IMessage message, FieldDescriptor field) => field.Accessor.Clear(message);

    /// <summary>The list's first element (or a default one) repeated <paramref name="count"/> times.</summary>
    private static void Many(IMessage message, FieldDescriptor field, int count)
    {
        var list = (IList)field.Accessor.GetValue(message);
        var first = list.Count > 0 ? list[0]! : field.FieldType switch
        {
            FieldType.String => "测试",
            FieldType.Message => field.MessageType.Parser.ParseFrom(ByteString.Empty),
            FieldType.Enum => 1,
            FieldType.Int32 => 0,
            FieldType.Int64 => 0L,
            _ => throw new NotSupportedException(field.FullName),
        };
        list.Clear();
        for (var i = 0; i < count; i++)
        {
            list.Add(first is IMessage m ? m.Descriptor.Parser.ParseFrom(m.ToByteString()) : first);
        }
    }

    /// <summary>Null when the answer is acceptable, else what is wrong with it.</summary>
    private static async Task<(StatusCode Code, string? Problem)> CallAsync(Api caller, MethodDescriptor method, IMessage request, IReadOnlyDictionary<string, StatusCode> documented)
    {
        try
        {
            if (!method.IsServerStreaming)
            {
                var unary = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name,
                    Marshallers.Create(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
                    Marshallers.Create(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
                await caller.Invoker.AsyncUnaryCall(unary, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), request);
                return (StatusCode.OK, null);
            }

            var streaming = new Method<IMessage, IMessage>(MethodType.ServerStreaming, method.Service.FullName, method.Name,
                Marshallers.Create(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
                Marshallers.Create(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
            using var stream = caller.Invoker.AsyncServerStreamingCall(streaming, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(2)), request);
            await stream.ResponseStream.MoveNext();
            return (StatusCode.OK, null);
        }
        catch (RpcException e) when (method.IsServerStreaming && e.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Cancelled)
        {
            // A healthy open stream that had nothing to say within the deadline.
            return (StatusCode.OK, null);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, Judge(e, documented));
        }
    }

    private static string? Judge(RpcException error, IReadOnlyDictionary<string, StatusCode> documented)
    {
        var said = $"{error.StatusCode} \"{Show(error.Status.Detail)}\"";
        if (error.StatusCode is StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss or StatusCode.Unimplemented or StatusCode.DeadlineExceeded)
        {
            return said;
        }

        var status = error.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        if (info is null || info.Domain != ErrorReasons.Domain)
        {
            return $"{said} without an ErrorInfo of {ErrorReasons.Domain}";
        }

        if (!documented.TryGetValue(info.Reason, out var code) || code != error.StatusCode)
        {
            return $"{said} with reason {info.Reason}, which docs/errors.md does not list for this status";
        }

        if (info.Reason == ErrorReasons.InvalidArgument && status!.GetDetail<BadRequest>() is not { FieldViolations.Count: > 0 })
        {
            return $"{said} without a BadRequest naming the field";
        }

        return null;
    }

    private static bool HasReason(string problem)
    {
        try
        {
            return JsonDocument.Parse(problem).RootElement.TryGetProperty("reason", out var reason) && reason.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>reason → gRPC status, from the table of docs/errors.md.</summary>
    private static Dictionary<string, StatusCode> DocumentedReasons()
    {
        var text = File.ReadAllText(Path.Combine(BuildOutput.RepositoryRoot, "docs", "errors.md"));
        var reasons = ReasonRow().Matches(text).ToDictionary(m => m.Groups[1].Value, m => System.Enum.Parse<StatusCode>(m.Groups[2].Value), StringComparer.Ordinal);
        Assert.True(reasons.Count > 40, $"only {reasons.Count} reasons found in docs/errors.md");
        return reasons;
    }

    private static string Show(string text) =>
        text.Length > 40 ? $"{text.Length} chars" : JsonSerializer.Serialize(text);

    [GeneratedRegex(@"^\| `([A-Z_]+)` \| ([A-Za-z]+) \|", RegexOptions.Multiline)]
    private static partial Regex ReasonRow();

    /// <summary>
    /// A park with its committee, two branches, a verified member with points, a merchant with an item, an open
    /// redemption, an event, a course and a notice — and a caller who holds every role there, so requests that name
    /// these things reach the validation behind the access checks.
    /// </summary>
    private sealed class World : IDisposable
    {
        private World(GrpcChannel channel, Seed seed, string memberId, Api member, string branch2, Counter counter, string redemptionId, string code, string eventId, string courseId, DateTimeOffset now)
        {
            Channel = channel;
            Seed = seed;
            MemberId = memberId;
            Member = member;
            Branch2 = branch2;
            Counter = counter;
            RedemptionId = redemptionId;
            Code = code;
            EventId = eventId;
            CourseId = courseId;
            Now = now;
            Everyone = seed.As(memberId,
                new RoleGrant(Role.ParkAdmin, seed.Park), new RoleGrant(Role.CommitteeLeader, seed.Committee), new RoleGrant(Role.Secretary, seed.Branch),
                new RoleGrant(Role.Secretary, branch2), new RoleGrant(Role.Member, memberId), new RoleGrant(Role.MerchantStaff, counter.MerchantId));
        }

        /// <summary>The world's own connection, so a call that breaks it shows up as its own failure.</summary>
        public GrpcChannel Channel { get; }

        public Seed Seed { get; }

        public string MemberId { get; }

        /// <summary>The member acting as themselves only.</summary>
        public Api Member { get; }

        /// <summary>Park admin, committee leader, secretary of both branches, the member and merchant staff at once.</summary>
        public Api Everyone { get; }

        public string Branch2 { get; }

        public Counter Counter { get; }

        public string RedemptionId { get; }

        public string Code { get; }

        public string EventId { get; }

        public string CourseId { get; }

        public DateTimeOffset Now { get; }

        /// <summary>Today in the park (Asia/Shanghai), by the node's clock when the world was made.</summary>
        public DateOnly Today => ParkClock.DayOf(Now, ParkClock.DefaultTimeZone);

        public string NoticeId { get; private set; } = "";

        /// <summary>Secretary of the seeded branch, appointed by the park admin.</summary>
        public string Officer { get; } = Seed.Next("officer");

        public static async Task<World> CreateAsync(TestNode node)
        {
            var channel = GrpcChannel.ForAddress(node.GrpcAddress);
            var seed = await Seed.CreateAsync(channel, node.Key);
            var counter = await Counter.OpenAsync(seed);
            var (memberId, member) = await counter.CustomerAsync(points: 1_000);
            var (branch2, _) = await seed.SecondBranchAsync();
            var redemption = await counter.StartAsync(member);
            var now = node.Time.GetUtcNow();
            var eventId = Seed.Next("ev");
            await seed.Secretary.Events.PublishEventAsync(new PublishEventRequest
            {
                EventId = eventId, BranchId = seed.Branch, Title = "主题党日", Place = "会堂", StartTime = Timestamp.FromDateTimeOffset(now.AddDays(1)),
                EndTime = Timestamp.FromDateTimeOffset(now.AddDays(1).AddHours(2)), Capacity = 50, Streamed = true, IdempotencyKey = Seed.Next("k"),
            });
            var course = new CreateCourseRequest { ParkId = seed.Park, CourseId = Seed.Next("course"), Title = "学习", IdempotencyKey = Seed.Next("k") };
            course.Episodes.Add(new Episode { EpisodeId = "e1", Title = "第1讲", DurationSeconds = 600 });
            await seed.Admin.Courses.CreateCourseAsync(course);
            await seed.Admin.Quiz.ImportQuestionsAsync(QuizClients.ImportInto(seed.Park, QuizClients.Singles("q", 5)));
            var world = new World(channel, seed, memberId, member, branch2, counter, redemption.RedemptionId, redemption.Code, eventId, course.CourseId, now);
            var notice = await seed.Secretary.Notices.PublishNoticeAsync(new PublishNoticeRequest
            {
                Audience = V1.NoticeAudience.Branch, AudienceId = seed.Branch, Title = "通知", Body = "请准时参加。", IdempotencyKey = Seed.Next("k"),
            });
            world.NoticeId = notice.Notice.NoticeId;
            await seed.Admin.Merchants.AddMerchantStaffAsync(new AddMerchantStaffRequest { MerchantId = counter.MerchantId, Subject = memberId, DisplayName = "店员", IdempotencyKey = Seed.Next("k") });
            await seed.Admin.Organization.AppointOfficerAsync(new AppointOfficerRequest
            {
                ParkId = seed.Park, Subject = world.Officer, DisplayName = "王书记", Role = OfficerRole.Secretary, ScopeId = seed.Branch, IdempotencyKey = Seed.Next("k"),
            });
            return world;
        }

        public void Dispose() => Channel.Dispose();

        /// <summary>A request naming this world's things, with a fresh idempotency key.</summary>
        public IMessage Request(MessageDescriptor descriptor)
        {
            var message = descriptor.Parser.ParseFrom(ByteString.Empty);
            Fill(message, 0);
            return message;
        }

        private void Fill(IMessage message, int depth)
        {
            foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
            {
                if (field.FieldType == FieldType.Message && field.MessageType.FullName != Timestamp.Descriptor.FullName)
                {
                    if (depth >= 2)
                    {
                        continue;
                    }

                    var child = field.MessageType.Parser.ParseFrom(ByteString.Empty);
                    Fill(child, depth + 1);
                    Set(message, field, child);
                }
                else if (field.IsRepeated && field.Name == "options")
                {
                    ((IList)field.Accessor.GetValue(message)).Add("甲");
                    ((IList)field.Accessor.GetValue(message)).Add("乙");
                }
                else if (Value(field) is { } value && !(field.FieldType == FieldType.String && value is ""))
                {
                    Set(message, field, value);
                }
            }
        }

        private object? Value(FieldDescriptor field) => field.FieldType switch
        {
            FieldType.String => Text(field),
            FieldType.Message => Timestamp.FromDateTimeOffset(field.Name switch
            {
                "start_time" => Now.AddDays(2),
                "end_time" => Now.AddDays(2).AddHours(2),
                "active_from" => Now.AddDays(-1),
                "active_until" => Now.AddDays(30),
                "effective_time" => Now.AddHours(1),
                _ => Now,
            }),
            FieldType.Enum => field.EnumType.Values.FirstOrDefault(v => v.Number != 0)?.Number ?? 0,
            FieldType.Int32 => field.Name switch
            {
                "page_size" or "top" or "capacity" or "around" or "inactive_days" => 10,
                "duration_seconds" => 600,
                "position_seconds" => 60,
                "streak_every" => 7,
                _ when field.Name.EndsWith("_percent", StringComparison.Ordinal) => 50,
                "correct_options" or "chosen_options" => 0,
                _ => 1,
            },
            FieldType.Int64 => field.Name switch
            {
                "last_version" => 0L,
                "amount" or "points" or "points_cost" or "initial_stock" => 10L,
                _ => 1L,
            },
            FieldType.Bool => false,
            FieldType.Double => 1d,
            _ => null,
        };

        private string Text(FieldDescriptor field) => $"{field.ContainingType.Name}.{field.Name}" switch
        {
            "CreateParkRequest.park_id" or "CreateCommitteeRequest.committee_id" or "CreateBranchRequest.branch_id" or "RegisterMemberRequest.member_id"
                or "CreateMerchantRequest.merchant_id" or "CreateCourseRequest.course_id" or "PublishEventRequest.event_id" => Seed.Next("new"),
            "ListEventsRequest.committee_id" or "PublishEventRequest.committee_id" or "ListBranchesRequest.park_id" or "ListMembersRequest.committee_id"
                or "ListMembersRequest.park_id" or "ImportQuestionsRequest.committee_id" => "",
            "CheckInToEventRequest.code" => "123456",
            "RevokeOfficerRequest.subject" => Officer,
            _ => Text(field.Name),
        };

        private string Text(string name) => name switch
        {
            "park_id" or "audience_id" => Seed.Park,
            "committee_id" => Seed.Committee,
            "branch_id" or "scope_id" => Seed.Branch,
            "to_branch_id" => Branch2,
            "member_id" => MemberId,
            "merchant_id" => Counter.MerchantId,
            "item_id" => Counter.ItemId,
            "redemption_id" => RedemptionId,
            "code" => Code,
            "event_id" => EventId,
            "course_id" => CourseId,
            "episode_id" => "e1",
            "question_id" => "q-1",
            "notice_ids" => NoticeId,
            "subject" => Seed.Next("person"),
            "idempotency_key" => Seed.Next("fuzz"),
            "time_zone" => "Asia/Shanghai",
            "phone" => "13800000000",
            "day" or "to_day" => ProtoMapping.Day(Today),
            "from_day" => ProtoMapping.Day(Today.AddDays(-3)),
            "join_date" => "2020-05-01",
            "month" => ProtoMapping.Day(Today)[..7],
            "period_key" or "page_token" or "qr_payload" => "",
            "image_url" or "image_urls" => "https://img.example/a.png",
            "csv" => $"member_id,display_name,phone,company,join_date\n{Seed.Next("m")},张三,13800000001,中芯国际,2020-05-01\n",
            _ => "测试",
        };
    }
}
