#!/usr/bin/env bash
# Benchmark of the public meetings reads (not a test: it measures, it does not assert).
#   bash infra/bench/meetings.sh            # SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/council_bench bash infra/bench/meetings.sh
# Throughput and p99 latency of GET /healthz, a meeting page with published minutes, the
# meetings list, the municipality's calendar feed, one meeting's .ics and the OParl meeting
# list, one after the other against the same release build of `council serve --demo-data`,
# with wrk (BENCH_THREADS, BENCH_CONNECTIONS). Target: 50 % of /healthz for the page and the
# calendar feed.
source "$(dirname "$0")/lib.sh"

start_server
meeting=$(curl -fs "http://127.0.0.1:$PORT/api/v1/tenants/athens/meetings?state=published" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
page="/municipalities/athens/meetings/$meeting"
page_bytes=$(curl -fs "http://127.0.0.1:$PORT$page" | wc -c)
feed_bytes=$(curl -fs "http://127.0.0.1:$PORT/api/v1/tenants/athens/calendar.ics" | wc -c)

read -r health_rps health_p99 < <(measure /healthz)
read -r page_rps page_p99 < <(measure "$page")
read -r list_rps list_p99 < <(measure /municipalities/athens/meetings)
read -r feed_rps feed_p99 < <(measure /api/v1/tenants/athens/calendar.ics)
read -r ics_rps ics_p99 < <(measure "/api/v1/tenants/athens/meetings/$meeting/calendar.ics")
read -r oparl_rps oparl_p99 < <(measure /oparl/v1.1/bodies/athens/meetings)
# As browsers and calendar applications ask.
read -r page_gz_rps page_gz_p99 < <(measure "$page" -H "Accept-Encoding: gzip")
read -r feed_gz_rps feed_gz_p99 < <(measure /api/v1/tenants/athens/calendar.ics -H "Accept-Encoding: gzip")

cat <<REPORT
database: $DATABASE_NAME
machine:  $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same machine

| endpoint                                  | requests/s | p99 | vs /healthz |
|-------------------------------------------|-----------:|----:|------------:|
| GET /healthz                              | $health_rps | $health_p99 | 100% |
| meeting page ($(( page_bytes / 1024 )) KB)                   | $page_rps | $page_p99 | $(ratio "$page_rps" "$health_rps") |
| meetings list                             | $list_rps | $list_p99 | $(ratio "$list_rps" "$health_rps") |
| calendar.ics feed ($(( feed_bytes / 1024 )) KB)              | $feed_rps | $feed_p99 | $(ratio "$feed_rps" "$health_rps") |
| one meeting's .ics                        | $ics_rps | $ics_p99 | $(ratio "$ics_rps" "$health_rps") |
| OParl meeting list (first page)           | $oparl_rps | $oparl_p99 | $(ratio "$oparl_rps" "$health_rps") |
| meeting page, Accept-Encoding: gzip       | $page_gz_rps | $page_gz_p99 | $(ratio "$page_gz_rps" "$health_rps") |
| calendar.ics feed, Accept-Encoding: gzip  | $feed_gz_rps | $feed_gz_p99 | $(ratio "$feed_gz_rps" "$health_rps") |
REPORT
