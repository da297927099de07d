-- Grain persistence: clear a grain state, keeping the row (payload NULL) and bumping its version,
-- only if the stored version is the expected one. Returns the new version, or no row on conflict.
UPDATE orleans_grain_state AS s
SET payload    = NULL,
    version    = s.version + 1,
    written_at = now()
WHERE s.service_id = @ServiceId
  AND s.state_name = @GrainTypeString
  AND s.key_n0 = @GrainIdN0
  AND s.key_n1 = @GrainIdN1
  AND s.key_ext_norm = coalesce('+' || @GrainIdExtensionString, '-')
  AND s.version = @GrainStateVersion
RETURNING s.version AS "NewGrainStateVersion";
