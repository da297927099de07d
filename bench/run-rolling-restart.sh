#!/usr/bin/env bash
# A rolling restart under load: a throwaway PostgreSQL (as run-postgres-cluster.sh), three Release silos (each with
# its own gateway, as an all-in-one node) and a standalone gateway (gateway/Engagement.Gateway) in front; the bench's
# rolling scenario writes through the standalone gateway and asks this script (through files in a control directory)
# to stop each silo gracefully and start it again in turn, then to SIGKILL one and start it again. Every pid is taken
# from this shell and signalled by pid. Everything is removed at the end; the exit code is the bench's.
# Usage: bench/run-rolling-restart.sh [bench arguments...]   e.g. bench/run-rolling-restart.sh --members 2000 --rate 200 --duration 30
# KEEP_LOGS=DIR copies the processes' logs and the control files there before the temp directory is removed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/bench/control.sh"
root="$(mktemp -d /tmp/engagement-rolling.XXXXXX)"
port=55433
silos=3
source "$repo/bench/throwaway-postgres.sh"
declare -a pids=()
bench_pid=""
cleanup() {
  [ -n "$bench_pid" ] && kill "$bench_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop
  if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp "$root"/*.log "$root"/control/* "$KEEP_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$root"
}
trap cleanup EXIT INT TERM

pg_start

dotnet build -c Release "$repo" >/dev/null
silo="$repo/silo/Engagement.Silo/bin/Release/net10.0/Engagement.Silo.dll"
gateway="$repo/gateway/Engagement.Gateway/bin/Release/net10.0/Engagement.Gateway.dll"
export Engagement__Storage__Provider=postgres
export Engagement__Storage__ConnectionString="Host=127.0.0.1;Port=$port;Username=postgres;Database=engagement;Maximum Pool Size=60"
export Engagement__Cluster__ClusterId=rolling
export Engagement__Auth__SigningKeyFile="$root/dev-signing-key"
export DOTNET_ENVIRONMENT=Development   # development signing (the bench mints its tokens) starts only there
export Engagement__RateLimit__Enabled=false   # one bench operator writes far faster than the per-caller limit allows a person
export Engagement__Dashboard__Enabled=false   # as in production: the dashboard (on by default in development) profiles every grain call

# Slot N < 3: silo N (its gRPC port 7600+10N, HTTP 7601+10N); slot 3: the standalone gateway (gRPC 7650, HTTP 7651).
start_slot() {
  local n=$1
  mkdir -p "$root/slot$n"
  if [ "$n" -lt "$silos" ]; then
    (cd "$root/slot$n" && exec dotnet "$silo" --Engagement:Cluster:SiloPort=$((12311 + n)) --Engagement:Cluster:GatewayPort=$((31300 + n)) \
      --Engagement:Gateway:GrpcPort=$((7600 + 10 * n)) --Engagement:Gateway:HttpPort=$((7601 + 10 * n)) >>"$root/slot$n.log" 2>&1) &
  else
    (cd "$root/slot$n" && exec dotnet "$gateway" --Engagement:Gateway:GrpcPort=7650 --Engagement:Gateway:HttpPort=7651 >>"$root/slot$n.log" 2>&1) &
  fi
  pids[$n]=$!
}
ready_url() {
  if [ "$1" -lt "$silos" ]; then echo "http://127.0.0.1:$((7601 + 10 * $1))/healthz/ready"; else echo "http://127.0.0.1:7651/healthz/ready"; fi
}

for n in $(seq 0 $silos); do   # silo 0 first: it creates the signing key the others read
  start_slot "$n"
  wait_ready "$n" || { echo "slot $n did not become ready; its log:" >&2; tail -30 "$root/slot$n.log" >&2; exit 1; }
done

mkdir -p "$root/control"
node_pids="$(IFS=,; echo "${pids[*]}")"   # silos 0-2 and the gateway: CPU and peak memory summed
dotnet "$repo/bench/Engagement.Bench/bin/Release/net10.0/Engagement.Bench.dll" rolling "$@" \
  --target http://127.0.0.1:7650 --key-file "$root/dev-signing-key" --control "$root/control" --silos $silos --node-pid "$node_pids" &
bench_pid=$!
serve_control "$root/control" "$bench_pid"
rc=0
wait "$bench_pid" || rc=$?
bench_pid=""
exit $rc
