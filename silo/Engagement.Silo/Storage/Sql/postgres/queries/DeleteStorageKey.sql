-- Grain persistence, used instead of ClearStorageKey when DeleteStateOnClear = true:
-- remove the row if the stored version is the expected one. The returned value only has to
-- differ from the expected version (the provider then resets the ETag to null); no row = conflict.
DELETE FROM orleans_grain_state AS s
WHERE s.service_id = @ServiceId
  AND s.state_name = @GrainTypeString
  AND s.key_n0 = @GrainIdN0
  AND s.key_n1 = @GrainIdN1
  AND s.key_ext_norm = coalesce('+' || @GrainIdExtensionString, '-')
  AND s.version = @GrainStateVersion
RETURNING s.version + 1 AS "NewGrainStateVersion";
