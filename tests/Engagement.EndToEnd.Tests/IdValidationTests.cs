using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>
/// Every id field of every RPC (from the service descriptors: string fields named <c>*_id</c> or <c>*_ids</c>, also in
/// the messages a request carries) refuses an id that only looks right: one with a trailing newline.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed partial class IdValidationTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    /// <summary>(RPC, path of the id field in its request) for every id field, e.g. ("…/UpsertCatalogItem", "item.item_id").</summary>
    public static TheoryData<string, string> IdFields
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var method in ApiDescriptors.Methods)
            {
                foreach (var path in IdPaths(method.InputType, ""))
                {
                    data.Add(ApiDescriptors.FullName(method), path);
                }
            }

            return data;
        }
    }

    [Fact]
    public void TheDescriptorsHaveIdFieldsEverywhere()
    {
        Assert.True(IdFields.Count > 60, $"only {IdFields.Count} id fields found");
    }

    [Theory]
    [MemberData(nameof(IdFields))]
    public async Task AnIdWithATrailingNewlineIsInvalidArgument(string rpc, string path)
    {
        var method = ApiDescriptors.Find(rpc);
        var request = method.InputType.Parser.ParseFrom(ByteString.Empty);
        Set(request, path, "abc\n");
        var caller = Node.As(Node.Token("abc", new RoleGrant(Role.Member, "abc"), new RoleGrant(Role.ParkAdmin, "abc")));

        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(caller, method, request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(Unindexed(path), RpcAssert.ViolatedFields(error).Select(Unindexed));
    }

    private static IEnumerable<string> IdPaths(MessageDescriptor message, string prefix)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var name = field.IsRepeated ? $"{prefix}{field.Name}[0]" : $"{prefix}{field.Name}";
            if (field.FieldType == FieldType.String && (field.Name.EndsWith("_id", StringComparison.Ordinal) || field.Name.EndsWith("_ids", StringComparison.Ordinal)))
            {
                yield return name;
            }
            else if (field.FieldType == FieldType.Message && field.MessageType.File.Package == "engagement.v1" && prefix.Length == 0)
            {
                foreach (var nested in IdPaths(field.MessageType, name + "."))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>Sets the string at <paramref name="path"/> (<c>a.b</c>, <c>a[0].b</c>, <c>ids[0]</c>), creating what leads to it.</summary>
    private static void Set(IMessage message, string path, string value)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? path : path[..dot];
        var field = message.Descriptor.FindFieldByName(Unindexed(head));
        if (dot < 0)
        {
            if (field.IsRepeated)
            {
                ((System.Collections.IList)field.Accessor.GetValue(message)).Add(value);
            }
            else
            {
                field.Accessor.SetValue(message, value);
            }

            return;
        }

        var child = field.MessageType.Parser.ParseFrom(ByteString.Empty);
        if (field.IsRepeated)
        {
            ((System.Collections.IList)field.Accessor.GetValue(message)).Add(child);
        }
        else
        {
            field.Accessor.SetValue(message, child);
        }

        Set(child, path[(dot + 1)..], value);
    }

    private static async Task CallAsync(Api caller, MethodDescriptor method, IMessage request)
    {
        if (!method.IsServerStreaming)
        {
            await caller.CallAsync(method, request);
            return;
        }

        var call = new Method<IMessage, IMessage>(MethodType.ServerStreaming, method.Service.FullName, method.Name,
            Marshallers.Create(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
        using var stream = caller.Invoker.AsyncServerStreamingCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), request);
        await stream.ResponseStream.MoveNext();
    }

    private static string Unindexed(string path) => Index().Replace(path, "");

    [GeneratedRegex(@"\[[0-9]+\]")]
    private static partial Regex Index();
}
