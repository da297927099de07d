namespace Engagement;

/// <summary>
/// What other grains ask of an event without a caller: a member's view of it (the member's event list checked the caller).
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="IEventGrain"/>.
/// </summary>
[Alias("engagement.IEventGrainInternal")]
public interface IEventGrainInternal : IGrainWithStringKey
{
    /// <summary>The event as <paramref name="memberId"/> sees it, for other grains (the caller was checked by them).</summary>
    Task<MemberEventView> GetMemberViewAsync(string memberId, CancellationToken cancellationToken = default);
}
