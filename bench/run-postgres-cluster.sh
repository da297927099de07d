#!/usr/bin/env bash
# Benchmarks a 2-silo cluster on PostgreSQL on this machine: a throwaway PostgreSQL (initdb + pg_ctl in a temp
# directory, as the postgres user when run as root), two Release silos (each with its own gateway), the bench against
# the first one. Everything is removed at the end. Usage: bench/run-postgres-cluster.sh [bench arguments...]
# e.g. bench/run-postgres-cluster.sh all --members 5000 --count 3000 --rate 500
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
root="$(mktemp -d /tmp/engagement-pg-bench.XXXXXX)"
port=55432
source "$repo/bench/throwaway-postgres.sh"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop
  rm -rf "$root"
}
trap cleanup EXIT INT TERM

pg_start

dotnet build -c Release "$repo" >/dev/null
silo="$repo/silo/Engagement.Silo/bin/Release/net10.0/Engagement.Silo.dll"
export Engagement__Storage__Provider=postgres
export Engagement__Storage__ConnectionString="Host=127.0.0.1;Port=$port;Username=postgres;Database=engagement;Maximum Pool Size=100"
export Engagement__Auth__SigningKeyFile="$root/dev-signing-key"
export DOTNET_ENVIRONMENT=Development   # development signing (the bench mints its tokens) starts only there
export Engagement__RateLimit__Enabled=false   # one bench operator writes far faster than the per-caller limit allows a person
export Engagement__Dashboard__Enabled=false   # as in production: the dashboard (on by default in development) profiles every grain call
for i in 0 1; do
  mkdir -p "$root/silo$i"
  (cd "$root/silo$i" && exec dotnet "$silo" --Engagement:Cluster:SiloPort=$((12111 + i)) --Engagement:Cluster:GatewayPort=$((31000 + i)) \
    --Engagement:Gateway:GrpcPort=$((7080 + 100 * i)) --Engagement:Gateway:HttpPort=$((7081 + 100 * i)) >"$root/silo$i.log" 2>&1) &
  pids+=($!)
  sleep 2
done

for _ in $(seq 1 120); do
  if grep -q "listening on" "$root/silo1.log" 2>/dev/null && grep -q "listening on" "$root/silo0.log" 2>/dev/null; then break; fi
  sleep 1
done
sleep 5
node_pids="$(IFS=,; echo "${pids[*]}")"   # both silos (their own pids, exec above): CPU and peak memory summed
dotnet "$repo/bench/Engagement.Bench/bin/Release/net10.0/Engagement.Bench.dll" "$@" \
  --target http://127.0.0.1:7080 --key-file "$root/dev-signing-key" --node-pid "$node_pids"
