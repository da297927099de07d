using Engagement.Gateway;
using Google.Rpc;
using Grpc.Core;
using Orleans.Storage;

namespace Engagement.EndToEnd;

public sealed class ExceptionMapperTests
{
    [Fact]
    public void AStorageVersionConflictIsAbortedSoClientsRetryWithTheSameKey()
    {
        var error = ExceptionMapper.ToRpcException(new InconsistentStateException("etag mismatch", "1", "2"));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(ErrorReasons.ConcurrentUpdate, error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public void AnUnexpectedFailureIsInternalAndSaysNothingAboutItsCause()
    {
        var error = ExceptionMapper.ToRpcException(new InvalidOperationException("connection string Password=secret at line 42"));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal("Internal error.", error.Status.Detail);
        Assert.Equal(ErrorReasons.Internal, error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        Assert.True(ExceptionMapper.IsUnexpected(new InvalidOperationException()));
    }

    [Fact]
    public void AClusterOutageIsUnavailable()
    {
        var error = ExceptionMapper.ToRpcException(new TimeoutException("response did not arrive"));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(ErrorReasons.Unavailable, error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Theory]
    [InlineData(ErrorKind.NotFound, StatusCode.NotFound)]
    [InlineData(ErrorKind.AlreadyExists, StatusCode.AlreadyExists)]
    [InlineData(ErrorKind.PermissionDenied, StatusCode.PermissionDenied)]
    [InlineData(ErrorKind.FailedPrecondition, StatusCode.FailedPrecondition)]
    [InlineData(ErrorKind.ResourceExhausted, StatusCode.ResourceExhausted)]
    [InlineData(ErrorKind.Unauthenticated, StatusCode.Unauthenticated)]
    public void EveryDomainFailureKeepsItsKindAndReason(ErrorKind kind, StatusCode code)
    {
        var error = ExceptionMapper.ToRpcException(new EngagementException(kind, "SOME_REASON", "message for people"));

        Assert.Equal(code, error.StatusCode);
        Assert.Equal("message for people", error.Status.Detail);
        Assert.Equal("SOME_REASON", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }
}
