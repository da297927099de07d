-- Reminders: all reminders of one grain.
SELECT
    r.grain_id      AS "GrainId",
    r.reminder_name AS "ReminderName",
    r.start_time    AS "StartTime",
    r.period_ms     AS "Period",
    r.version       AS "Version"
FROM orleans_reminder AS r
WHERE r.service_id = @ServiceId
  AND r.grain_id = @GrainId;
