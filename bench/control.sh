# Sourced by run-rolling-restart.sh and run-soak.sh: serves the bench's requests to stop, kill and start node
# processes (see bench/Engagement.Bench/Restarts/Control.cs). The sourcing script defines start_slot N (starts slot
# N in the background, stores its pid in pids[N]) and ready_url N (the slot's /healthz/ready), and calls
# serve_control DIR BENCH_PID in its own shell (not a pipeline), so every pid is its own child: it signals them by
# pid and waits for them.

# Waits until slot N answers /healthz/ready with 200 (up to 3 minutes); false if it exits or never does.
wait_ready() {
  local n=$1
  for _ in $(seq 1 360); do
    if ! kill -0 "${pids[$n]}" 2>/dev/null; then return 1; fi
    if curl -fsS -o /dev/null "$(ready_url "$n")" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  return 1
}

# SIGTERM (or SIGKILL) to slot N's process and waits for it to exit (a SIGTERM not obeyed in 90 s becomes SIGKILL).
stop_slot() {
  local n=$1 signal=$2 pid=${pids[$1]}
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 180); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}

serve_control() {
  local dir=$1 bench=$2 handled=0 lines seq verb slot
  touch "$dir/requests" "$dir/replies"
  while kill -0 "$bench" 2>/dev/null; do
    mapfile -t lines <"$dir/requests"
    while [ "$handled" -lt "${#lines[@]}" ]; do
      read -r seq verb slot <<<"${lines[$handled]}"
      handled=$((handled + 1))
      echo "$(date -u +%T) $verb $slot" >&2
      case "$verb" in
        stop) stop_slot "$slot" TERM; echo "$seq ok ${pids[$slot]}" >>"$dir/replies" ;;
        kill) stop_slot "$slot" KILL; echo "$seq ok ${pids[$slot]}" >>"$dir/replies" ;;
        start)
          start_slot "$slot"
          if wait_ready "$slot"; then echo "$seq ok ${pids[$slot]}" >>"$dir/replies"; else echo "$seq failed slot $slot did not become ready" >>"$dir/replies"; fi ;;
        *) echo "$seq failed unknown request $verb" >>"$dir/replies" ;;
      esac
    done
    sleep 0.2
  done
}
