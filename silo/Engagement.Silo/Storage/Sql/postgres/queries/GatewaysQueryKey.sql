-- Clustering (clients): gateway endpoints of the silos in the given status (the provider passes Active = 3).
SELECT
    m.address    AS "Address",
    m.proxy_port AS "ProxyPort",
    m.generation AS "Generation"
FROM orleans_membership_silo AS m
WHERE m.cluster_id = @DeploymentId
  AND m.status = @Status
  AND m.proxy_port > 0;
