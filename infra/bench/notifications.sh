#!/usr/bin/env bash
# Benchmark of the notices' fan-out (not a test: it measures, it does not assert).
#   bash infra/bench/notifications.sh            # SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/council_bench bash infra/bench/notifications.sh
# In one run, against one Postfix `smtp-sink` on 127.0.0.1 (Debian's postfix package):
# - Postfix's own load generator, `smtp-source`, sending BENCH_NOTICES (10,000) messages of
#   the size of the platform's notice over BENCH_SESSIONS (4 and 16) sessions, each kept open;
# - the platform: one meeting notice fanned out to as many confirmed subscribers, then the
#   real workers (`notifications.workers` = sessions) until every delivery is marked sent,
#   on SQLite and (with BENCH_DATABASE_URL) PostgreSQL;
# - queueing alone for 10,000 and BENCH_LARGE (100,000) subscribers: seconds, and the
#   process's memory after writing the subscribers and at its peak.
# Target: the platform at 50 % of smtp-source's rate with the same sessions; 100,000 queued
# in under 5 s. Each time is the median of BENCH_ROUNDS (3) rounds. It needs neither wrk nor the council server, so it does not source lib.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

COUNT="${BENCH_NOTICES:-10000}"
LARGE="${BENCH_LARGE:-100000}"
SESSIONS="${BENCH_SESSIONS:-4 16}"
SMTP_PORT="${BENCH_SMTP_PORT:-18025}"
for tool in smtp-sink smtp-source; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] ||
    { echo "$tool is needed: apt-get install postfix"; exit 1; }
done
export PATH="$PATH:/usr/sbin"

cargo build --release --locked -p notifications --bin notifications-bench 2>/dev/null
BENCH="${CARGO_TARGET_DIR:-target}/release/notifications-bench"
DATA="$(mktemp -d)"
PG_URL="${BENCH_DATABASE_URL:-}"
# The server part of the URL, to create and drop the database from `postgres`.
PG_ADMIN="${PG_URL%/*}/postgres"
PG_NAME="${PG_URL##*/}"
fresh_database() {
  psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $PG_NAME WITH (FORCE)" >/dev/null 2>&1
  psql -q "$PG_ADMIN" -c "CREATE DATABASE $PG_NAME" >/dev/null
}
cleanup() {
  kill "${SINK_PID:-0}" 2>/dev/null || true
  rm -rf "$DATA"
  if [ -n "$PG_URL" ]; then
    psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $PG_NAME WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
export COUNCIL__LOG__FILTER=warn
unset DATABASE_URL

# smtp-sink drops root's privileges for the user -u names: this one.
smtp-sink -u "$(id -un)" "127.0.0.1:$SMTP_PORT" 1024 &
SINK_PID=$!
until (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; do
  kill -0 "$SINK_PID" 2>/dev/null || { echo "smtp-sink exited"; exit 1; }
  sleep 0.05
done

# One run of the benchmark binary on a fresh database: `sqlite` or `postgres`, then its
# arguments. Prints the binary's `key=value` line.
bench() {
  local database="$1" folder
  shift
  folder="$(mktemp -d -p "$DATA")"
  if [ "$database" = postgres ]; then
    fresh_database
    "$BENCH" --smtp-port "$SMTP_PORT" --data-dir "$folder" --database-url "$PG_URL" "$@"
  else
    "$BENCH" --smtp-port "$SMTP_PORT" --data-dir "$folder" "$@"
  fi
}
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
rate() { python3 -c "print(f'{$1 / $2:.0f}')"; }

databases="sqlite"
[ -n "$PG_URL" ] && databases="sqlite postgres"

echo "machine: $(nproc) cores; Postfix smtp-sink on 127.0.0.1:$SMTP_PORT, the same server for every run"
echo
echo "| sessions | sender | messages | seconds | messages/s | vs smtp-source |"
echo "| ---: | --- | ---: | ---: | ---: | ---: |"
# This machine's speed wanders from minute to minute (a shared 2-core VM: smtp-source alone
# varied from 0.8 to 3 s for the same 10,000 messages), so each figure is the median of
# BENCH_ROUNDS (3) rounds, and each round runs smtp-source and the platform back to back.
ROUNDS="${BENCH_ROUNDS:-3}"
median() { python3 -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }
for sessions in $SESSIONS; do
  source_runs=()
  declare -A platform_runs=() queue_runs=()
  for _ in $(seq "$ROUNDS"); do
    lines=()
    for database in $databases; do
      lines+=("$database $(bench "$database" --count "$COUNT" --concurrency "$sessions")")
    done
    bytes="$(field message_bytes "${lines[0]}")"
    started="$(date +%s.%N)"
    smtp-source -d -s "$sessions" -m "$COUNT" -l "$bytes" \
      -f resident@example.org -t resident@example.org "127.0.0.1:$SMTP_PORT"
    source_runs+=("$(python3 -c "print(f'{$(date +%s.%N) - $started:.3f}')")")
    for line in "${lines[@]}"; do
      database="${line%% *}"
      platform_runs[$database]+=" $(field seconds "$line")"
      queue_runs[$database]+=" $(field fan_out_seconds "$line")"
    done
  done
  source_seconds="$(median "${source_runs[@]}")"
  source_rate="$(rate "$COUNT" "$source_seconds")"
  echo "| $sessions | smtp-source -d ($bytes-byte messages) | $COUNT | $source_seconds | $source_rate | 100 % |"
  for database in $databases; do
    # shellcheck disable=SC2086
    seconds="$(median ${platform_runs[$database]})"
    # shellcheck disable=SC2086
    queueing="$(median ${queue_runs[$database]})"
    platform_rate="$(rate "$COUNT" "$seconds")"
    echo "| $sessions | platform, $database (of which queueing $queueing s) | $COUNT | $seconds | $platform_rate | $(python3 -c "print(f'{100 * $platform_rate / $source_rate:.0f}')") % |"
  done
  unset platform_runs queue_runs
done

echo
echo "| database | subscribers | queueing (s) | memory after writing them (MiB) | peak memory (MiB) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for database in $databases; do
  for count in "$COUNT" "$LARGE"; do
    runs=()
    for _ in $(seq "$ROUNDS"); do
      line="$(bench "$database" --count "$count" --queue-only)"
      runs+=("$(field fan_out_seconds "$line")")
    done
    # Memory as the last round read it (it does not wander like time).
    mib() { python3 -c "print(f'{$(field "$1" "$line") / 1024:.0f}')"; }
    echo "| $database | $count | $(median "${runs[@]}") | $(mib rss_before_kib) | $(mib rss_peak_kib) |"
  done
done
