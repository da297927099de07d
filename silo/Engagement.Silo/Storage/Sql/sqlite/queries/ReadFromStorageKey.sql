-- Grain persistence: load one grain state. No row = never written; a NULL payload = cleared.
SELECT
    s.payload AS PayloadBinary,
    s.version AS Version
FROM orleans_grain_state AS s
WHERE s.service_id = @ServiceId
  AND s.state_name = @GrainTypeString
  AND s.key_n0 = @GrainIdN0
  AND s.key_n1 = @GrainIdN1
  AND s.key_ext_norm = coalesce('+' || @GrainIdExtensionString, '-');
