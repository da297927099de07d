using Engagement.Gateway;

namespace Engagement.Silo;

/// <summary>
/// <c>token</c>: mints a development token signed with the node's key, for grpcurl, curl and local apps.
/// <code>token --member m1 | token --sub alice --role park-admin:p1 --role secretary:b1 [--hours 24] | token --sub bob</code>
/// A token with a subject and no roles is valid: its holder gets what the platform appointed them to (officers).
/// </summary>
public static class TokenCommand
{
    public const string Usage =
        "usage: token [--member <member-id>] [--sub <subject>] [--role <role>:<scope>]... [--hours <n>]\n" +
        "roles: member, secretary, committee-leader, merchant-staff, park-admin (scope: the id of that member, branch, committee, merchant or park)";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? subject = null;
        var grants = new List<RoleGrant>();
        var hours = 24.0;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--member" when value is not null:
                    subject ??= value;
                    grants.Add(new RoleGrant(Role.Member, value));
                    i++;
                    break;
                case "--sub" when value is not null:
                    subject = value;
                    i++;
                    break;
                case "--role" when value is not null:
                    if (RoleGrant.Parse(value) is not { } grant)
                    {
                        error.WriteLine($"unknown role '{value}'\n{Usage}");
                        return 2;
                    }

                    grants.Add(grant);
                    i++;
                    break;
                case "--hours" when value is not null && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out hours) && hours > 0:
                    i++;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        // Anything else (e.g. --Engagement:DataDirectory=...) is configuration, read the same way as the node reads it.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. rest])
            .Build();
        subject ??= grants.FirstOrDefault()?.Scope;
        if (subject is null)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var key = DevelopmentTokens.LoadOrCreateKey(GatewayHosting.SigningKeyFile(configuration, auth));
        output.WriteLine(DevelopmentTokens.Mint(key, subject, grants, TimeSpan.FromHours(hours), auth.Issuer, auth.Audience));
        return 0;
    }
}
