-- Grain persistence: store a grain state under optimistic concurrency, in one statement (an upsert).
-- Expected version NULL: only a brand-new row may be inserted (an existing row conflicts and nothing is returned).
-- Expected version N: the insert is attempted only when the row exists, so it always turns into
-- the conflict branch, which updates only if the stored version is still N.
-- One row with the new version = success; no row = version conflict (InconsistentStateException).
INSERT INTO orleans_grain_state
    (service_id, state_name, key_n0, key_n1, key_ext, key_hash, state_name_hash, payload, version, written_at)
SELECT
    @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
    @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1, strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE @GrainStateVersion IS NULL
   OR EXISTS (
        SELECT 1
        FROM orleans_grain_state AS e
        WHERE e.service_id = @ServiceId
          AND e.state_name = @GrainTypeString
          AND e.key_n0 = @GrainIdN0
          AND e.key_n1 = @GrainIdN1
          AND e.key_ext_norm = coalesce('+' || @GrainIdExtensionString, '-'))
ON CONFLICT (service_id, state_name, key_n0, key_n1, key_ext_norm) DO UPDATE
    SET payload    = excluded.payload,
        version    = version + 1,
        written_at = excluded.written_at
    WHERE version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
