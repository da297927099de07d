-- Clustering: forget a cluster entirely (all silo rows and its version row).
WITH silos_removed AS (
    DELETE FROM orleans_membership_silo
    WHERE cluster_id = @DeploymentId
)
DELETE FROM orleans_membership_version
WHERE cluster_id = @DeploymentId;
