-- Engagement storage schema, version 1, SQLite (Microsoft.Data.Sqlite, invariant "System.Data.SQLite").
-- Tables for the Orleans 10.4.2 ADO.NET providers used on the single node: grain persistence and
-- reminders (clustering is localhost there). Query texts live in ../queries/<QueryKey>.sql.
-- Every statement is idempotent (IF NOT EXISTS), so running this file twice changes nothing.
-- Contract and design notes: docs/storage-contract.md.

-- Query texts read by every provider with: SELECT QueryKey, QueryText FROM OrleansQuery
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- Grain state: one row per (service, state name, grain key); same layout as the PostgreSQL table.
-- state_name = the provider's GrainTypeString (the storage name the runtime passes, not the class).
-- key_ext is NULL when the key has no extension; SQLite unique indexes treat NULLs as distinct,
-- so uniqueness and lookups go through key_ext_norm ('-' for none, '+' || text otherwise).
-- The hashes are stored for diagnostics only and never used to match.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id      TEXT    NOT NULL,
    state_name      TEXT    NOT NULL,
    key_n0          INTEGER NOT NULL,
    key_n1          INTEGER NOT NULL,
    key_ext         TEXT    NULL,
    key_ext_norm    TEXT    NOT NULL GENERATED ALWAYS AS (coalesce('+' || key_ext, '-')) VIRTUAL,
    key_hash        INTEGER NOT NULL,
    state_name_hash INTEGER NOT NULL,
    payload         BLOB    NULL,
    version         INTEGER NOT NULL,
    written_at      TEXT    NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_identity
    ON orleans_grain_state (service_id, state_name, key_n0, key_n1, key_ext_norm);

-- Reminders: one row per (service, grain, reminder name).
-- start_time holds the DateTime as Microsoft.Data.Sqlite binds it (TEXT 'yyyy-MM-dd HH:mm:ss.FFFFFFF', UTC).
-- grain_hash is the signed 32-bit ring position, read by range.
CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    TEXT    NOT NULL,
    grain_id      TEXT    NOT NULL,
    reminder_name TEXT    NOT NULL,
    start_time    TEXT    NOT NULL,
    period_ms     INTEGER NOT NULL,
    grain_hash    INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_ring
    ON orleans_reminder (service_id, grain_hash);

-- Versioned reminder removal as ONE statement. The provider needs exactly one boolean row back even
-- when nothing matched, which a bare DELETE cannot give (SQLite has no DELETE inside a CTE).
-- DeleteReminderRowKey inserts a request row that records whether the expected version matched
-- (its RETURNING answer); this trigger then removes the reminder and the request row in the same
-- statement, so the table stays empty.
CREATE TABLE IF NOT EXISTS orleans_reminder_removal
(
    request_id       INTEGER PRIMARY KEY,
    service_id       TEXT    NOT NULL,
    grain_id         TEXT    NOT NULL,
    reminder_name    TEXT    NOT NULL,
    expected_version INTEGER NULL,
    matched          INTEGER NOT NULL
);

CREATE TRIGGER IF NOT EXISTS orleans_reminder_removal_apply
    AFTER INSERT ON orleans_reminder_removal
BEGIN
    DELETE FROM orleans_reminder
    WHERE NEW.matched = 1
      AND service_id = NEW.service_id
      AND grain_id = NEW.grain_id
      AND reminder_name = NEW.reminder_name
      AND version = NEW.expected_version;
    DELETE FROM orleans_reminder_removal
    WHERE request_id = NEW.request_id;
END;
