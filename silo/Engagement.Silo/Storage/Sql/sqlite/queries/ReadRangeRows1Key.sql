-- Reminders: ring range (BeginHash, EndHash] that does not wrap (the provider picks this text
-- when BeginHash < EndHash as signed 32-bit values).
SELECT
    r.grain_id      AS GrainId,
    r.reminder_name AS ReminderName,
    r.start_time    AS StartTime,
    r.period_ms     AS Period,
    r.version       AS Version
FROM orleans_reminder AS r
WHERE r.service_id = @ServiceId
  AND r.grain_hash > @BeginHash
  AND r.grain_hash <= @EndHash;
