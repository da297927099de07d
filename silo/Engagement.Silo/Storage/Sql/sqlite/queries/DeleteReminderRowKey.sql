-- Reminders: remove one reminder if its version is the expected one, in ONE statement.
-- The request row records whether the version matched and is returned as the single boolean row
-- the provider requires; the trigger orleans_reminder_removal_apply (schema V1) then deletes the
-- reminder and the request row within this same statement.
INSERT INTO orleans_reminder_removal
    (service_id, grain_id, reminder_name, expected_version, matched)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @Version,
     EXISTS (
        SELECT 1
        FROM orleans_reminder AS r
        WHERE r.service_id = @ServiceId
          AND r.grain_id = @GrainId
          AND r.reminder_name = @ReminderName
          AND r.version = @Version))
RETURNING matched AS Removed;
