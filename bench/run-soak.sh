#!/usr/bin/env bash
# The soak: a Release node (embedded, SQLite) in a temp directory and the bench's soak scenario against it; when the
# bench asks (through files in a control directory, half-way through --duration), this script stops the node with
# SIGTERM and starts it again on the same data. The node's pid is taken from this shell and signalled by pid.
# Everything is removed at the end; the exit code is the bench's.
# Usage: bench/run-soak.sh [bench arguments...]   e.g. bench/run-soak.sh --members 100000 --rate 200 --duration 600
# KEEP_LOGS=DIR copies the processes' logs and the control files there before the temp directory is removed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/bench/control.sh"
root="$(mktemp -d /tmp/engagement-soak.XXXXXX)"
declare -a pids=()
bench_pid=""
cleanup() {
  [ -n "$bench_pid" ] && kill "$bench_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp "$root"/*.log "$root"/control/* "$KEEP_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$root"
}
trap cleanup EXIT INT TERM

dotnet build -c Release "$repo" >/dev/null
silo="$repo/silo/Engagement.Silo/bin/Release/net10.0/Engagement.Silo.dll"
export DOTNET_ENVIRONMENT=Development   # development signing (the bench mints its tokens) starts only there
export Engagement__RateLimit__Enabled=false   # one bench operator writes far faster than the per-caller limit allows a person
export Engagement__Dashboard__Enabled=false   # as in production: the dashboard (on by default in development) profiles every grain call

start_slot() {
  mkdir -p "$root/node"
  (cd "$root/node" && exec dotnet "$silo" --Engagement:Cluster:SiloPort=12411 --Engagement:Cluster:GatewayPort=31400 \
    --Engagement:Gateway:GrpcPort=7680 --Engagement:Gateway:HttpPort=7681 >>"$root/node.log" 2>&1) &
  pids[$1]=$!
}
ready_url() { echo "http://127.0.0.1:7681/healthz/ready"; }

start_slot 0
wait_ready 0 || { echo "the node did not become ready; its log:" >&2; tail -30 "$root/node.log" >&2; exit 1; }

mkdir -p "$root/control"
dotnet "$repo/bench/Engagement.Bench/bin/Release/net10.0/Engagement.Bench.dll" soak "$@" \
  --target http://127.0.0.1:7680 --key-file "$root/node/data/dev-signing-key" --control "$root/control" --node-pid "${pids[0]}" &
bench_pid=$!
serve_control "$root/control" "$bench_pid"
rc=0
wait "$bench_pid" || rc=$?
bench_pid=""
exit $rc
