-- Reminders: remove one reminder if its version is the expected one.
-- Returns exactly one boolean row (the provider requires a row even when nothing was removed).
WITH removed AS (
    DELETE FROM orleans_reminder AS r
    WHERE r.service_id = @ServiceId
      AND r.grain_id = @GrainId
      AND r.reminder_name = @ReminderName
      AND r.version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS "Removed";
