namespace Engagement.EndToEnd;

/// <summary>The generated EventService client for one caller of a test node.</summary>
public static class EventClients
{
    public static V1.EventService.EventServiceClient Events(this TestNode node, string subject, params RoleGrant[] grants) =>
        node.As(node.Token(subject, grants)).Events;

    /// <summary>The client of a member acting as themselves.</summary>
    public static V1.EventService.EventServiceClient MemberEvents(this TestNode node, string memberId) =>
        node.Events(memberId, new RoleGrant(Role.Member, memberId));
}
