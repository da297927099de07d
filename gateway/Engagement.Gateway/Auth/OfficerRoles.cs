using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Claims;

namespace Engagement.Gateway;

/// <summary>
/// This gateway's copy of the officer directory: the offices (secretary, committee leader, park admin) held by each
/// token subject. Refreshed every <see cref="RefreshEvery"/> when the directory's version moved, and at once after an
/// appointment or revocation through this gateway; a middleware adds the roles to every authenticated call.
/// </summary>
public sealed class OfficerRoles(IGrainFactory grains, ILogger<OfficerRoles> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private FrozenDictionary<string, ImmutableArray<RoleGrant>> _bySubject = FrozenDictionary<string, ImmutableArray<RoleGrant>>.Empty;
    private long _version;

    public ImmutableArray<RoleGrant> Of(string subject) => _bySubject.GetValueOrDefault(subject, []);

    /// <summary>Fetches the directory when it changed since the copy was taken.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (await grains.GetGrain<IOfficerDirectoryGrain>(0).ChangedSinceAsync(_version, cancellationToken) is { } list)
            {
                _bySubject = list.Officers.GroupBy(o => o.Subject, StringComparer.Ordinal)
                    .ToFrozenDictionary(g => g.Key, g => g.Select(o => o.Grant).Distinct().ToImmutableArray(), StringComparer.Ordinal);
                _version = list.Version;
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The cluster may not be up yet (or is restarting): keep the last copy and try again.
                logger.LogDebug(e, "Officer directory not refreshed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Adds the caller's offices as role claims, after authentication.</summary>
    public static Task AddRolesAsync(HttpContext http, Func<Task> next)
    {
        var subject = http.User.FindFirst("sub")?.Value;
        if (http.User.Identity?.IsAuthenticated == true && subject is not null
            && http.RequestServices.GetRequiredService<OfficerRoles>().Of(subject) is { IsEmpty: false } grants)
        {
            http.User.AddIdentity(new ClaimsIdentity(grants.Select(g => new Claim(DevelopmentTokens.RolesClaim, g.ToString()))));
        }

        return next();
    }
}
