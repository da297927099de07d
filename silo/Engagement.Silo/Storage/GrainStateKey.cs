using System.Text;

namespace Engagement.Silo;

/// <summary>
/// The row key of a grain state exactly as Orleans' ADO.NET grain storage forms it (its <c>AdoGrainKey</c>, and the
/// hashes of its default hasher, <see cref="StableHash"/>), so our stores and that provider share rows. The hashes are
/// stored, never matched (docs/storage-contract.md), but equal rows keep a table readable by either side.
/// </summary>
public sealed record GrainStateKey(string StateName, long N0, long N1, string? Extension, int IdHash, int StateNameHash)
{
    public static GrainStateKey Of(string stateName, GrainId grainId)
    {
        if (stateName.Contains('`', StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Generic state names are not supported by this storage: {stateName}");
        }

        long n0 = 0, n1 = 0;
        string? extension;
        byte[] hashed;
        if (grainId.TryGetGuidKey(out var guid, out extension))
        {
            hashed = guid.ToByteArray();
            (n0, n1) = (BitConverter.ToInt64(hashed, 0), BitConverter.ToInt64(hashed, 8));
        }
        else if (grainId.TryGetIntegerKey(out n1, out extension))
        {
            hashed = BitConverter.GetBytes(n1);
        }
        else
        {
            extension = grainId.Key.ToString();
            hashed = [];
        }

        if (extension is not null)
        {
            hashed = [.. hashed, .. Encoding.UTF8.GetBytes(extension)];
        }

        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(hashed); // as the provider does, whatever the reason
        }

        return new GrainStateKey(stateName, n0, n1, extension,
            (int)StableHash.ComputeHash(hashed), (int)StableHash.ComputeHash(Encoding.UTF8.GetBytes(stateName)));
    }
}
