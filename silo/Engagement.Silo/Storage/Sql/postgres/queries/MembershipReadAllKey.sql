-- Clustering: the whole membership table. Always one row per silo, or exactly one row with
-- NULL silo columns when the cluster has no silo yet: the provider takes the table version from
-- the first row and treats a NULL StartTime as "no silo".
SELECT
    v.version         AS "Version",
    m.address         AS "Address",
    m.port            AS "Port",
    m.generation      AS "Generation",
    m.silo_name       AS "SiloName",
    m.host_name       AS "HostName",
    m.status          AS "Status",
    m.proxy_port      AS "ProxyPort",
    m.suspect_times   AS "SuspectTimes",
    m.start_time      AS "StartTime",
    m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version AS v
LEFT JOIN orleans_membership_silo AS m
       ON m.cluster_id = v.cluster_id
WHERE v.cluster_id = @DeploymentId;
