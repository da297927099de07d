-- Clustering: add a silo row, but only if the cluster version still equals the expected one
-- and the silo is not there yet; the version is bumped in the same statement.
-- Returns one boolean: true if the row was added.
WITH bumped AS (
    UPDATE orleans_membership_version AS v
    SET version    = v.version + 1,
        changed_at = now()
    WHERE v.cluster_id = @DeploymentId
      AND v.version = @Version
      AND NOT EXISTS (
            SELECT 1
            FROM orleans_membership_silo AS m
            WHERE m.cluster_id = @DeploymentId
              AND m.address = @Address
              AND m.port = @Port
              AND m.generation = @Generation)
    RETURNING v.cluster_id
), added AS (
    INSERT INTO orleans_membership_silo
        (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
         suspect_times, start_time, i_am_alive_time)
    SELECT
        b.cluster_id, @Address, @Port, @Generation, coalesce(@SiloName, ''), coalesce(@HostName, ''),
        @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM bumped AS b
    ON CONFLICT ON CONSTRAINT orleans_membership_silo_identity DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM added) AS "Inserted";
