# Sourced by run-postgres-cluster.sh and run-rolling-restart.sh: a throwaway PostgreSQL in "$root/pg" (initdb +
# pg_ctl from the machine's newest PostgreSQL binaries, as the postgres user when run as root) on port "$port", with a
# database "engagement". Durable (fsync and synchronous_commit on, the defaults): an acknowledged write is committed.
# The sourcing script sets root and port first, calls pg_start, and calls pg_stop from its cleanup.
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$root"; as_pg=(runuser -u postgres --); fi

pg_start() {
  "${as_pg[@]}" "$bin/initdb" -D "$root/pg" -A trust -U postgres -E UTF8 --locale=C >/dev/null
  "${as_pg[@]}" "$bin/pg_ctl" -D "$root/pg" -l "$root/pg.log" -w -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  "${as_pg[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE engagement" >/dev/null
}

pg_stop() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$root/pg" -m fast -w stop >/dev/null 2>&1 || true
}
