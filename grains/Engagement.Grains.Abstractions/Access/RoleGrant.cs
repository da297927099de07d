namespace Engagement;

/// <summary>One role over one scope, e.g. <c>secretary:b1</c>.</summary>
[GenerateSerializer, Immutable, Alias("engagement.RoleGrant")]
public sealed record RoleGrant([property: Id(0)] Role Role, [property: Id(1)] string Scope)
{
    /// <summary>The token spelling of each role, as it appears in the <c>roles</c> claim.</summary>
    public static readonly IReadOnlyDictionary<string, Role> RoleNames = new Dictionary<string, Role>(StringComparer.Ordinal)
    {
        ["member"] = Role.Member,
        ["secretary"] = Role.Secretary,
        ["committee-leader"] = Role.CommitteeLeader,
        ["merchant-staff"] = Role.MerchantStaff,
        ["park-admin"] = Role.ParkAdmin,
    };

    /// <summary>Parses <c>role:scope</c>; returns null when the text is not a known role with a scope.</summary>
    public static RoleGrant? Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return null;
        }

        return RoleNames.TryGetValue(text[..colon], out var role) ? new RoleGrant(role, text[(colon + 1)..]) : null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{RoleNames.First(kv => kv.Value == Role).Key}:{Scope}";
}
