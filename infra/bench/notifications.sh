#!/usr/bin/env bash
# Benchmark of the notices' fan-out (not a test: it measures, it does not assert).
#   bash infra/bench/notifications.sh            # SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/council_bench bash infra/bench/notifications.sh
# One meeting notice to BENCH_NOTICES (10,000) confirmed subscribers: messages per second
# from the start of the fan-out to the last delivery marked sent, beside what a bare lettre
# client reaches against the same SMTP server in the same run (aiosmtpd on 127.0.0.1,
# discarding what it receives), BENCH_CONCURRENCY (notifications.workers, 4) at a time.
# SQLite always; PostgreSQL too when BENCH_DATABASE_URL is set (the database is created
# afresh and dropped after). Target: the platform at 80 % of the bare client.
# It needs neither wrk nor the council server, so it does not source lib.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

COUNT="${BENCH_NOTICES:-10000}"
SMTP_PORT="${BENCH_SMTP_PORT:-18025}"
python3 -c 'import aiosmtpd' 2>/dev/null ||
  { echo "aiosmtpd is needed: python3 -m pip install aiosmtpd==1.4.6"; exit 1; }

cargo build --release --locked -p notifications --bin notifications-bench 2>/dev/null
BENCH="${CARGO_TARGET_DIR:-target}/release/notifications-bench"
DATA="$(mktemp -d)"
PG_URL="${BENCH_DATABASE_URL:-}"
# The server part of the URL, to create and drop the database from `postgres`.
PG_ADMIN="${PG_URL%/*}/postgres"
PG_NAME="${PG_URL##*/}"
drop_database() {
  if [ -n "$PG_URL" ]; then
    psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $PG_NAME WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap 'kill "${SMTP_PID:-0}" 2>/dev/null || true; rm -rf "$DATA"; drop_database' EXIT
export COUNCIL__LOG__FILTER=warn
unset DATABASE_URL

python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Sink &
SMTP_PID=$!
until (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; do
  kill -0 "$SMTP_PID" 2>/dev/null || { echo "aiosmtpd exited"; exit 1; }
  sleep 0.05
done

# One run of the benchmark binary on a fresh database; extra arguments go to it.
bench() {
  "$BENCH" --smtp-port "$SMTP_PORT" --count "$COUNT" \
    ${BENCH_CONCURRENCY:+--concurrency "$BENCH_CONCURRENCY"} "$@"
}

echo "machine: $(nproc) cores; aiosmtpd (Sink) on 127.0.0.1:$SMTP_PORT, the same server for every run"
echo
mkdir "$DATA/sqlite"
bench --data-dir "$DATA/sqlite"
if [ -n "$PG_URL" ]; then
  drop_database
  psql -q "$PG_ADMIN" -c "CREATE DATABASE $PG_NAME" >/dev/null
  echo
  mkdir "$DATA/postgres"
  bench --data-dir "$DATA/postgres" --database-url "$PG_URL"
fi
