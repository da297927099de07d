#!/usr/bin/env bash
# The benchmark on a 2-silo PostgreSQL cluster on this machine: starts a throwaway PostgreSQL server (initdb/pg_ctl,
# as the postgres user when run as root), two silo processes of the Release build (each with its own gateway), runs
# the bench against the first silo and reports the CPU and peak memory of both, then stops everything and deletes the
# server's files.
#
#   bench/run-postgres-cluster.sh                       # all --members 5000 --count 3000 --rate 500
#   bench/run-postgres-cluster.sh health,checkin --members 5000
#
# Environment: ENGAGEMENT_PG_BIN (PostgreSQL's bin directory; default: the newest /usr/lib/postgresql/*/bin),
# PG_PORT (7432), SILO_A / SILO_B ("grpc http silo gateway" ports; defaults "7480 7481 12511 31400" and
# "7580 7581 12611 31500", away from the defaults 5080/5081/11111/30000), SKIP_BUILD=1 to use the existing build,
# JSON=path to also write the results as JSON. PostgreSQL runs with its durable defaults (fsync, synchronous_commit).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
pg_bin=${ENGAGEMENT_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
pg_port=${PG_PORT:-7432}
read -r a_grpc a_http a_silo a_gw <<< "${SILO_A:-7480 7481 12511 31400}"
read -r b_grpc b_http b_silo b_gw <<< "${SILO_B:-7580 7581 12611 31500}"
bench_args=("$@")
[ ${#bench_args[@]} -gt 0 ] || bench_args=(all --members 5000 --count 3000 --rate 500)

[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL binaries not found (set ENGAGEMENT_PG_BIN)" >&2; exit 2; }
work=$(mktemp -d /tmp/engagement-bench-pg-XXXXXX)
pids=()

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # A silo whose peer is gone may take a while to leave the cluster; after 60 s it is killed.
  for _ in $(seq 1 60); do
    alive=0; for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break; sleep 1
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$repo" && dotnet build -c Release -nologo -v q silo/Engagement.Silo bench/Engagement.Bench >/dev/null)
fi

[ "$(id -u)" = 0 ] && chown postgres:postgres "$work"
as_postgres "$pg_bin/initdb" -D "$work/pg" -A trust -U postgres -E UTF8 --locale=C >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -t 60 \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
"$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE engagement" >/dev/null

export Engagement__Storage__Provider=postgres
export Engagement__Storage__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=engagement;Maximum Pool Size=100"
# Both silos (and the bench) share the development signing key under one data directory.
export Engagement__DataDirectory="$work/data"
silo_dll="$repo/silo/Engagement.Silo/bin/Release/net10.0/Engagement.Silo.dll"

start_silo() { # name grpc http silo gateway
  dotnet "$silo_dll" --Engagement:Gateway:GrpcPort="$2" --Engagement:Gateway:HttpPort="$3" \
    --Engagement:Cluster:SiloPort="$4" --Engagement:Cluster:GatewayPort="$5" > "$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    grep -q "listening on http://127.0.0.1:$2" "$work/$1.log" && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 1
  done
  echo "silo $1 did not start:" >&2; tail -20 "$work/$1.log" >&2; exit 1
}

start_silo a "$a_grpc" "$a_http" "$a_silo" "$a_gw"
start_silo b "$b_grpc" "$b_http" "$b_silo" "$b_gw"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on :$pg_port, silos ${pids[*]} on :$a_grpc and :$b_grpc; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

json=()
[ -n "${JSON:-}" ] && json=(--json "$JSON")
status=0
dotnet "$repo/bench/Engagement.Bench/bin/Release/net10.0/Engagement.Bench.dll" "${bench_args[@]}" \
  --target "http://127.0.0.1:$a_grpc" --key-file "$work/data/dev-signing-key" --node-pid "$(IFS=,; echo "${pids[*]}")" "${json[@]}" || status=$?
exit $status
