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
source "$(dirname "$0")/lib.sh"

start_server
first_start_ms=$ELAPSED_MS
kill "$PID"; wait "$PID" 2>/dev/null || true
start_server
restart_ms=$ELAPSED_MS
sleep 2
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$PID/status")

read -r health_rps health_p99 < <(measure /healthz)
read -r api_rps api_p99 < <(measure /api/v1/tenants/athens)
read -r council_rps council_p99 < <(measure /api/v1/tenants/athens/council)
read -r page_rps page_p99 < <(measure /municipalities/athens)
# As browsers ask: the cached views go gzip-compressed.
read -r api_gz_rps api_gz_p99 < <(measure /api/v1/tenants/athens -H "Accept-Encoding: gzip")
read -r page_gz_rps page_gz_p99 < <(measure /municipalities/athens -H "Accept-Encoding: gzip")
rss_after_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$PID/status")

cat <<REPORT
database:            $DATABASE_NAME
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
