-- Clustering: change a silo row (status, suspicions, liveness), but only if the cluster version
-- still equals the expected one; the version is bumped in the same statement.
-- Returns one boolean: true if the row was changed.
WITH bumped AS (
    UPDATE orleans_membership_version AS v
    SET version    = v.version + 1,
        changed_at = now()
    WHERE v.cluster_id = @DeploymentId
      AND v.version = @Version
      AND EXISTS (
            SELECT 1
            FROM orleans_membership_silo AS m
            WHERE m.cluster_id = @DeploymentId
              AND m.address = @Address
              AND m.port = @Port
              AND m.generation = @Generation)
    RETURNING v.cluster_id
), changed AS (
    UPDATE orleans_membership_silo AS m
    SET status          = @Status,
        suspect_times   = @SuspectTimes,
        i_am_alive_time = @IAmAliveTime
    FROM bumped AS b
    WHERE m.cluster_id = b.cluster_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM changed) AS "Updated";
