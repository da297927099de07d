-- Clustering: purge rows of silos declared Dead (status 6) whose last heartbeat is older than
-- the cut-off the provider passes. Rows of silos in any other status are kept.
DELETE FROM orleans_membership_silo AS m
WHERE m.cluster_id = @DeploymentId
  AND m.status = 6
  AND m.i_am_alive_time < @IAmAliveTime;
