using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Engagement;

/// <summary>
/// Runs one grain's <see cref="IdempotencyLog{TResult}"/> for one call: finds the first write of a key inside the
/// window and records a new one. The caller persists its row afterwards, as with the ledger: recording costs no
/// write of its own, except that every <see cref="RecentLimit"/>th write first seals the recent ones into a page
/// (one extra write) and a page whose newest write left the window is cleared once.
/// </summary>
internal sealed class Idempotency<TResult>(IdempotencyLog<TResult> log, string owner, IGrainFactory grains, TimeSpan window, DateTimeOffset now)
    where TResult : class
{
    /// <summary>Writes kept whole in the owner's row before they are sealed into a page.</summary>
    public const int RecentLimit = 64;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private DateTimeOffset Oldest => now - window;

    /// <summary>
    /// The first write of <paramref name="key"/> when it is inside the window; null when the key is new or forgotten.
    /// A key that ran a different request (another <paramref name="requestHash"/>) fails with
    /// <see cref="ErrorReasons.IdempotencyKeyReused"/>: its first result belongs to that other request.
    /// </summary>
    public async Task<IdempotentWrite<TResult>?> FindAsync(string key, string? requestHash)
    {
        var write = log.Recent.FindLast(w => string.Equals(w.Key, key, StringComparison.Ordinal) && w.At >= Oldest);
        if (write is null && log.Sealed.Count > 0)
        {
            var fingerprint = Fingerprint(key);
            for (var i = log.Sealed.Count - 1; i >= 0 && write is null; i--)
            {
                var page = log.Sealed[i];
                if (page.Newest >= Oldest && Contains(page.Fingerprints, fingerprint)
                    && await Page(page.Page).FindAsync(key) is { } found && found.At >= Oldest)
                {
                    write = new IdempotentWrite<TResult>(found.Key, found.RequestHash, found.At,
                        found.ResultJson is null ? null : JsonSerializer.Deserialize<TResult>(found.ResultJson, Json));
                }
            }
        }

        if (write?.RequestHash is { } first && requestHash is not null && first != requestHash)
        {
            throw EngagementException.AlreadyExists(ErrorReasons.IdempotencyKeyReused,
                "This idempotency key was already used for a different request; use a new key for a new request.");
        }

        return write;
    }

    /// <summary>Remembers a write (the caller then saves its row). Forgets what left the window.</summary>
    public async Task RecordAsync(string key, string? requestHash, TResult? result)
    {
        log.Recent.RemoveAll(w => w.At < Oldest);
        foreach (var expired in log.Sealed.Where(p => p.Newest < Oldest).ToList())
        {
            await Page(expired.Page).ClearAsync();
            log.Sealed.Remove(expired);
        }

        if (log.Recent.Count >= RecentLimit)
        {
            // Idempotent, like sealing the ledger: if the owner's write below is lost, the next one seals the same
            // writes on the same page again.
            await Page(log.NextPage).SealAsync([.. log.Recent.Select(w =>
                new SealedWrite(w.Key, w.RequestHash, w.At, w.Result is null ? null : JsonSerializer.Serialize(w.Result, Json)))]);
            log.Sealed.Add(new SealedKeys(log.NextPage, log.Recent.Max(w => w.At), Fingerprints(log.Recent.Select(w => w.Key))));
            log.NextPage++;
            log.Recent = [];
        }

        log.Recent.Add(new IdempotentWrite<TResult>(key, requestHash, now, result));
    }

    /// <summary>
    /// Takes over the keys a row remembered before this log (fixed-count lists), stamped now so they are kept a whole
    /// window; the caller clears its old list and the next write stores both.
    /// </summary>
    public void Adopt(IEnumerable<(string Key, TResult? Result)> remembered) =>
        log.Recent.InsertRange(0, remembered.Select(r => new IdempotentWrite<TResult>(r.Key, null, now, r.Result)));

    private IIdempotencyPageGrain Page(long page) => grains.GetGrain<IIdempotencyPageGrain>($"{owner}/{page}");

    private static uint Fingerprint(string key) =>
        BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0);

    private static string Fingerprints(IEnumerable<string> keys) =>
        Convert.ToBase64String([.. keys.SelectMany(k => BitConverter.GetBytes(Fingerprint(k)))]);

    private static bool Contains(string fingerprints, uint fingerprint)
    {
        var bytes = Convert.FromBase64String(fingerprints);
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
        {
            if (BitConverter.ToUInt32(bytes, i) == fingerprint)
            {
                return true;
            }
        }

        return false;
    }
}
