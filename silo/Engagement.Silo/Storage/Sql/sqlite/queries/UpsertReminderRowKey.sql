-- Reminders: create or replace a reminder; every write gets a new version (the reminder's ETag).
-- Returns one row with the new version.
INSERT INTO orleans_reminder
    (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET start_time = excluded.start_time,
        period_ms  = excluded.period_ms,
        grain_hash = excluded.grain_hash,
        version    = version + 1
RETURNING version AS Version;
