using Google.Rpc;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>Asserts a call failed with the code, the stable reason (ErrorInfo) and, for bad input, the fields (BadRequest).</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode code, string reason, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        var status = error.GetRpcStatus();
        Assert.NotNull(status);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal(reason, info.Reason);
        Assert.Equal(ErrorReasons.Domain, info.Domain);
        Assert.DoesNotContain("   at ", error.Status.Detail, StringComparison.Ordinal);
        return error;
    }

    public static Task<RpcException> FailsAsync<T>(StatusCode code, string reason, Func<AsyncUnaryCall<T>> call) =>
        FailsAsync(code, reason, async () => await call());

    public static IReadOnlyList<string> ViolatedFields(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
