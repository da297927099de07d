-- Reminders: remove every reminder of the service (used by tests through TestOnlyClearTable).
DELETE FROM orleans_reminder
WHERE service_id = @ServiceId;
