-- Engagement storage schema, version 1, PostgreSQL 15.
-- Tables for the Orleans 10.4.2 ADO.NET providers: grain persistence, clustering (membership) and reminders.
-- The query texts live in ../queries/<QueryKey>.sql and are upserted into OrleansQuery at start-up.
-- Every statement is idempotent (IF NOT EXISTS), so running this file twice changes nothing.
-- Contract and design notes: docs/storage-contract.md.

-- Query texts read by every provider with: SELECT QueryKey, QueryText FROM OrleansQuery
-- Unquoted on purpose: PostgreSQL folds the names to orleansquery / querykey / querytext,
-- which is exactly what the providers' unquoted SELECT resolves to.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- Grain state: one row per (service, state name, grain key).
-- state_name holds what the provider calls GrainTypeString: the storage name the runtime passes
-- (the [PersistentState] name, or "state" for Grain<T>), not the grain class.
-- key_n0 / key_n1 / key_ext are the provider's GrainIdN0 / GrainIdN1 / GrainIdExtensionString:
-- GUID keys fill n0+n1 (+ext), integer keys fill n1 (+ext), string keys only fill key_ext.
-- key_ext is NULL when the key has no extension; key_ext_norm makes that NULL comparable
-- ('-' for none, '+' || text otherwise) so one plain unique index identifies the row and
-- serves every lookup. The hashes are stored for diagnostics only and never used to match.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id      text        NOT NULL,
    state_name      text        NOT NULL,
    key_n0          bigint      NOT NULL,
    key_n1          bigint      NOT NULL,
    key_ext         text        NULL,
    key_ext_norm    text        NOT NULL GENERATED ALWAYS AS (coalesce('+' || key_ext, '-')) STORED,
    key_hash        integer     NOT NULL,
    state_name_hash integer     NOT NULL,
    payload         bytea       NULL,
    version         integer     NOT NULL,
    written_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_identity
        UNIQUE (service_id, state_name, key_n0, key_n1, key_ext_norm)
);

-- Membership: one version row per cluster (the table's etag) and one row per silo incarnation.
-- The provider's DeploymentId parameter is ClusterOptions.ClusterId.
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    cluster_id text        NOT NULL PRIMARY KEY,
    version    integer     NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership_silo
(
    cluster_id      text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_silo_identity
        PRIMARY KEY (cluster_id, address, port, generation)
);

-- Reminders: one row per (service, grain, reminder name); grain_hash places the row on the
-- reminder ring (signed 32-bit value of the grain's uniform hash), read by range.
CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT orleans_reminder_identity
        PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_ring
    ON orleans_reminder (service_id, grain_hash);
