using System.Collections.Immutable;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Engagement.Gateway;

/// <summary>Turns the authenticated principal of a call into the <see cref="Caller"/> that grains check.</summary>
public static class CallerAccessor
{
    /// <summary>The caller of this call; Unauthenticated (with ErrorInfo) when the call has no valid token.</summary>
    public static Caller GetCaller(this ServerCallContext context) => FromPrincipal(context.GetHttpContext().User);

    /// <summary>The caller behind an authenticated principal (also for plain HTTP endpoints).</summary>
    public static Caller FromPrincipal(System.Security.Claims.ClaimsPrincipal user)
    {
        var subject = user.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(subject))
        {
            throw EngagementException.Unauthenticated("A valid bearer token is required (authorization: Bearer <token>).");
        }

        var grants = user.FindAll(DevelopmentTokens.RolesClaim)
            .Select(c => RoleGrant.Parse(c.Value))
            .OfType<RoleGrant>()
            .ToImmutableArray();
        return new Caller(subject, grants);
    }

    /// <summary>The member a call is about: the one named in the request, or the calling member when none is named.</summary>
    public static string MemberIdOr(this Caller caller, string requested) =>
        requested.Length > 0 ? requested : caller.MemberId ?? "";
}
