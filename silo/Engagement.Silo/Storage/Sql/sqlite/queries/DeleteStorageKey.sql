-- Grain persistence, used instead of ClearStorageKey when DeleteStateOnClear = true:
-- remove the row if the stored version is the expected one. The returned value only has to
-- differ from the expected version (the provider then resets the ETag to null); no row = conflict.
DELETE FROM orleans_grain_state
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND key_n0 = @GrainIdN0
  AND key_n1 = @GrainIdN1
  AND key_ext_norm = coalesce('+' || @GrainIdExtensionString, '-')
  AND version = @GrainStateVersion
RETURNING version + 1 AS NewGrainStateVersion;
