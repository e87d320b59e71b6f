#!/usr/bin/env bash
# Benchmark of the foundation (not a test: it measures, it does not assert).
#   bash infra/bench/foundation.sh            # SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/council_bench bash infra/bench/foundation.sh
# Measures, for a release build of `council serve` with the demo data:
#   - start-up time until /readyz answers 200 (first start: migrations + demo data; restart)
#   - idle resident memory (RSS) after start-up
#   - throughput and p99 latency of GET /healthz, GET /api/v1/tenants/athens (39 KB of
#     JSON), its council (3 KB) and the page /municipalities/athens (36 KB), one after the
#     other against the same server, with wrk (BENCH_THREADS, BENCH_CONNECTIONS).
# Load stays on 127.0.0.1 and each wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-1}"
PORT="${BENCH_PORT:-18181}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }

cargo build --release --locked -p council 2>/dev/null
BIN="${CARGO_TARGET_DIR:-target}/release/council"
DATA="$(mktemp -d)"
trap 'kill "${PID:-0}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
export COUNCIL__LOG__FILTER=warn
if [ -n "${BENCH_DATABASE_URL:-}" ]; then export DATABASE_URL="$BENCH_DATABASE_URL"; else unset DATABASE_URL; fi

now_ms() { date +%s%3N; }

# Sets PID and ELAPSED_MS (no subshell, so the caller keeps the PID).
start_server() {
  local started; started=$(now_ms)
  "$BIN" serve --demo-data --bind "127.0.0.1:$PORT" --data-dir "$DATA" >/dev/null 2>&1 &
  PID=$!
  until curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { echo "server exited"; exit 1; }
    sleep 0.005
  done
  ELAPSED_MS=$(( $(now_ms) - started ))
}

start_server
first_start_ms=$ELAPSED_MS
kill "$PID"; wait "$PID" 2>/dev/null || true
start_server
restart_ms=$ELAPSED_MS
sleep 2
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$PID/status")

measure() {
  local path=$1 out rps p99
  shift
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "http://127.0.0.1:$PORT$path")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "$rps $p99"
}

read -r health_rps health_p99 < <(measure /healthz)
read -r api_rps api_p99 < <(measure /api/v1/tenants/athens)
read -r council_rps council_p99 < <(measure /api/v1/tenants/athens/council)
read -r page_rps page_p99 < <(measure /municipalities/athens)
# As browsers ask: the cached views go gzip-compressed.
read -r api_gz_rps api_gz_p99 < <(measure /api/v1/tenants/athens -H "Accept-Encoding: gzip")
read -r page_gz_rps page_gz_p99 < <(measure /municipalities/athens -H "Accept-Encoding: gzip")
rss_after_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$PID/status")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }

cat <<REPORT
database:            $(if [ -n "${BENCH_DATABASE_URL:-}" ]; then echo PostgreSQL; else echo SQLite; fi)
machine:             $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same machine
first start → ready: ${first_start_ms} ms (migrations and demo data included)
restart → ready:     ${restart_ms} ms
idle RSS:            $(( rss_kb / 1024 )) MB (after load: $(( rss_after_kb / 1024 )) MB)

| endpoint                    | requests/s | p99     | vs /healthz |
|-----------------------------|-----------:|--------:|------------:|
| GET /healthz                | $health_rps | $health_p99 | 100% |
| GET /api/v1/tenants/athens  | $api_rps | $api_p99 | $(ratio "$api_rps" "$health_rps") |
| GET .../athens/council      | $council_rps | $council_p99 | $(ratio "$council_rps" "$health_rps") |
| GET /municipalities/athens  | $page_rps | $page_p99 | $(ratio "$page_rps" "$health_rps") |
| same, Accept-Encoding: gzip: |            |         |             |
| GET /api/v1/tenants/athens  | $api_gz_rps | $api_gz_p99 | $(ratio "$api_gz_rps" "$health_rps") |
| GET /municipalities/athens  | $page_gz_rps | $page_gz_p99 | $(ratio "$page_gz_rps" "$health_rps") |
REPORT
