-- Clustering: create the cluster's version row (version 0) unless it exists.
-- Returns one boolean: true if this call created it.
WITH created AS (
    INSERT INTO orleans_membership_version (cluster_id, version)
    VALUES (@DeploymentId, 0)
    ON CONFLICT (cluster_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Created";
