-- Grain persistence: clear a grain state, keeping the row (payload NULL) and bumping its version,
-- only if the stored version is the expected one. Returns the new version, or no row on conflict.
UPDATE orleans_grain_state
SET payload    = NULL,
    version    = version + 1,
    written_at = strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND key_n0 = @GrainIdN0
  AND key_n1 = @GrainIdN1
  AND key_ext_norm = coalesce('+' || @GrainIdExtensionString, '-')
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
