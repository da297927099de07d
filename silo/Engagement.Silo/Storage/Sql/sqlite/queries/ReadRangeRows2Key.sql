-- Reminders: ring range (BeginHash, EndHash] that wraps past the top of the signed 32-bit range
-- (BeginHash >= EndHash; BeginHash = EndHash means the whole ring).
SELECT
    r.grain_id      AS GrainId,
    r.reminder_name AS ReminderName,
    r.start_time    AS StartTime,
    r.period_ms     AS Period,
    r.version       AS Version
FROM orleans_reminder AS r
WHERE r.service_id = @ServiceId
  AND (r.grain_hash > @BeginHash OR r.grain_hash <= @EndHash);
