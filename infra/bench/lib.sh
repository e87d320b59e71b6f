# Shared by the benchmark scripts (sourced, not run): a release build of `council serve
# --demo-data` on a temporary data folder, and wrk measurements against it.
#   BENCH_DURATION (10s), BENCH_CONNECTIONS (32), BENCH_THREADS (1), BENCH_PORT (18181),
#   BENCH_DATABASE_URL (unset: SQLite in the temporary folder).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

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
DATABASE_NAME=$(if [ -n "${BENCH_DATABASE_URL:-}" ]; then echo PostgreSQL; else echo SQLite; fi)

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

# Prints "requests/s p99" for one path; extra arguments go to wrk (headers).
measure() {
  local path=$1 out rps p99
  shift
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "http://127.0.0.1:$PORT$path")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "$rps $p99"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
