#!/usr/bin/env bash
# Benchmark of the good-practice search (not a test: it measures, it does not assert).
#   bash infra/bench/practices.sh            # SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/council_bench bash infra/bench/practices.sh
# Loads the demo data and BENCH_PRACTICES (10,000) generated practices, then measures with
# wrk, one after the other on the same server: GET /healthz, and the search API over fifteen
# requests in turn (words with and without accents, inflected forms, the names of thematic
# areas, municipalities and UN goals, filters, pages; practices-search.lua).
# Target: search p95 under 20 ms.
source "$(dirname "$0")/lib.sh"

COUNT="${BENCH_PRACTICES:-10000}"
cargo build --release --locked -p practices --bin practices-bench-data 2>/dev/null
"$BIN" demo-data --data-dir "$DATA" >/dev/null
started=$(now_ms)
"${CARGO_TARGET_DIR:-target}/release/practices-bench-data" --count "$COUNT" --data-dir "$DATA"
load_ms=$(( $(now_ms) - started ))
start_server
# The first search builds the in-memory index (a one-time cost, reported apart).
started=$(now_ms)
curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/v1/practices"
build_ms=$(( $(now_ms) - started ))

p95() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s infra/bench/practices-search.lua \
    "http://127.0.0.1:$PORT" | awk '/^Requests\/sec/ {rps=$2} /^p95_ms/ {p95=$2} END {print rps, p95}'
}
health_p95() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s /dev/stdin "http://127.0.0.1:$PORT/healthz" <<'LUA' |
done = function(summary, latency, requests)
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
end
LUA
    awk '/^Requests\/sec/ {rps=$2} /^p95_ms/ {p95=$2} END {print rps, p95}'
}

read -r health_rps health_p95_ms < <(health_p95)
read -r search_rps search_p95_ms < <(p95)
one=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/api/v1/practices?q=%CE%AD%CE%BD%CF%84%CE%B1%CE%BE%CE%B7")

cat <<REPORT
database:  $DATABASE_NAME, $COUNT generated practices + the demo ones (written in ${load_ms} ms)
machine:   $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same machine

| endpoint                         | requests/s | p95 (ms) |
|----------------------------------|-----------:|---------:|
| GET /healthz                     | $health_rps | $health_p95_ms |
| GET /api/v1/practices?... (15 in turn) | $search_rps | $search_p95_ms |

first search (builds the index): ${build_ms} ms; one search alone afterwards: ${one} s
REPORT
