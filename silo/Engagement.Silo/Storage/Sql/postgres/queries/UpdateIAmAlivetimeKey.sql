-- Clustering: liveness heartbeat of one silo. Not versioned: it does not bump the cluster version.
UPDATE orleans_membership_silo AS m
SET i_am_alive_time = @IAmAliveTime
WHERE m.cluster_id = @DeploymentId
  AND m.address = @Address
  AND m.port = @Port
  AND m.generation = @Generation;
