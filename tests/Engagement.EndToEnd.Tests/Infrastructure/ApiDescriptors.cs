using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>The public API as its .proto descriptors describe it, and calls built from them.</summary>
public static class ApiDescriptors
{
    /// <summary>Every RPC of package engagement.v1, from the generated files' descriptors.</summary>
    public static IReadOnlyList<MethodDescriptor> Methods { get; } = [.. typeof(V1.CheckInRequest).Assembly.GetTypes()
        .Where(t => t.Namespace == "Engagement.V1" && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
        .Where(f => f.Package == "engagement.v1")
        .SelectMany(f => f.Services).SelectMany(s => s.Methods)
        .OrderBy(FullName, StringComparer.Ordinal)];

    /// <summary>The writes: unary RPCs whose request takes an idempotency key.</summary>
    public static IReadOnlyList<MethodDescriptor> Writes { get; } = [.. Methods
        .Where(m => !m.IsClientStreaming && !m.IsServerStreaming && m.InputType.FindFieldByName("idempotency_key") is not null)];

    public static string FullName(MethodDescriptor method) => $"{method.Service.FullName}/{method.Name}";

    public static MethodDescriptor Find(string fullName) => Methods.Single(m => FullName(m) == fullName);

    /// <summary>Calls a unary RPC by its descriptor, as <paramref name="api"/>'s caller.</summary>
    public static async Task<IMessage> CallAsync(this Api api, MethodDescriptor method, IMessage request)
    {
        var call = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name,
            Marshallers.Create(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
        return await api.Invoker.AsyncUnaryCall(call, null, new CallOptions(), request);
    }

    /// <summary>
    /// Calls any RPC by its descriptor: a unary one's response, a server-streaming one's first message (its error if
    /// it fails first; DeadlineExceeded if nothing comes within <paramref name="wait"/>).
    /// </summary>
    public static async Task<IMessage> CallOrFirstAsync(this Api api, MethodDescriptor method, IMessage request, TimeSpan wait)
    {
        if (!method.IsServerStreaming)
        {
            return await api.CallAsync(method, request);
        }

        var call = new Method<IMessage, IMessage>(MethodType.ServerStreaming, method.Service.FullName, method.Name,
            Marshallers.Create(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
        using var stream = api.Invoker.AsyncServerStreamingCall(call, null, new CallOptions(deadline: DateTime.UtcNow + wait), request);
        return await stream.ResponseStream.MoveNext() ? stream.ResponseStream.Current : method.OutputType.Parser.ParseFrom(ByteString.Empty);
    }
}
