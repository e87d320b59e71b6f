#!/usr/bin/env bash
# Benchmark of the busiest workspace page (not a test: it measures, it does not assert).
#   bash infra/bench/workspace.sh            # SQLite in a temporary folder
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/council_bench bash infra/bench/workspace.sh
# A meeting of a new municipality with 11 members in office, 25 agenda items (5 closed),
# every member's answer and a comment on each item, as its staff reads it in the workspace
# (/workspace/{slug}/meetings/{id}: agenda, documents, answers, comments, actions), beside
# /healthz on the same server, with wrk at BENCH_CONNECTIONS (8 here by default).
# Target: p95 under 20 ms. The page is read with an operator's API token (the platform's
# administrators are staff of every municipality: the page is the secretary's).
export BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-8}"
source "$(dirname "$0")/lib.sh"

start_server
api="http://127.0.0.1:$PORT/api/v1"
# The token first (it makes the account), then the role (at once for an existing account).
token=$("$BIN" token create --email bench@example.org --name bench --data-dir "$DATA" 2>/dev/null)
"$BIN" admin create --email bench@example.org --data-dir "$DATA" >/dev/null
post() { curl -fs -X "$1" "$api$2" -H "Authorization: Bearer $token" -H 'content-type: application/json' -d "$3"; }

post POST /tenants '{"slug": "benchtown", "name": {"el": "Δήμος Δοκιμής", "en": "Bench Municipality"}, "region": {"el": "Αττική", "en": "Attica"}, "website": "https://example.org", "contact_email": "semp@example.org"}' >/dev/null
for i in $(seq 1 11); do
  post POST /tenants/benchtown/council/members "{\"full_name\": \"Μέλος $i\", \"category\": \"migrant_community\", \"role\": \"member\", \"membership\": \"regular\", \"organisation\": \"Οργάνωση $i\", \"email\": \"member$i@example.org\"}" >/dev/null
done
starts=$(date -u -d '+7 days' +%Y-%m-%dT17:00:00Z)
ends=$(date -u -d '+7 days' +%Y-%m-%dT19:00:00Z)
meeting=$(post POST /tenants/benchtown/meetings "{\"title\": \"Τακτική συνεδρίαση\", \"kind\": \"regular\", \"mode\": \"in_person\", \"starts_at\": \"$starts\", \"ends_at\": \"$ends\", \"location\": {\"name\": \"Δημαρχείο\"}}" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
for i in $(seq 1 25); do
  public=$([ $((i % 5)) = 0 ] && echo false || echo true)
  post POST "/tenants/benchtown/meetings/$meeting/agenda" "{\"title\": \"Θέμα $i: πρόγραμμα ένταξης και στέγασης\", \"description\": \"Εισήγηση για το **θέμα $i**, με τα στοιχεία του προγράμματος και τον προϋπολογισμό.\", \"rapporteur\": \"Μέλος $((i % 11 + 1))\", \"public\": $public}" >/dev/null
done
post POST "/tenants/benchtown/meetings/$meeting/convene" '{}' >/dev/null

# Every member's answer and a member's comment on each item, as members leave them (their
# accounts are not needed to read them back, so they go straight into the tables).
DATA="$DATA" python3 - "$meeting" <<'PY'
import os, sys, datetime
meeting = int(sys.argv[1])
now = datetime.datetime.now(datetime.timezone.utc).isoformat()
url = os.environ.get("BENCH_DATABASE_URL")
if url:
    import subprocess
    run = lambda sql: subprocess.run(["psql", url, "-qc", sql], check=True)
else:
    import sqlite3
    db = sqlite3.connect(os.path.join(os.environ["DATA"], "council.db"))
    run = lambda sql: (db.execute(sql), db.commit())
run(f"""INSERT INTO attendance_answers (meeting_id, member_id, answer, note, answered_by, answered_at)
        SELECT {meeting}, id, 'attending', 'Θα έρθω', NULL, '{now}' FROM council_members
        WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'benchtown')""")
run(f"""INSERT INTO item_comments (meeting_id, item_id, member_id, user_id, author_name, body, created_at)
        SELECT {meeting}, id, NULL, 1, 'Μέλος 1', 'Χρειαζόμαστε τα στοιχεία του προηγούμενου έτους.', '{now}'
        FROM agenda_items WHERE meeting_id = {meeting}""")
PY

page="/workspace/benchtown/meetings/$meeting"
auth=(-H "Authorization: Bearer $token")
status=$(curl -s -o /tmp/workspace-bench-page.html -w '%{http_code}' "${auth[@]}" "http://127.0.0.1:$PORT$page")
[ "$status" = 200 ] || { echo "the page answered $status"; exit 1; }
page_bytes=$(wc -c </tmp/workspace-bench-page.html)

# p95 from wrk's own latency record.
p95() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s infra/bench/p95.lua "$@" |
    awk '/^p95/ {p=$2} /^Requests\/sec/ {r=$2} END {print r, p}'
}
read -r health_rps health_p95 < <(p95 "http://127.0.0.1:$PORT/healthz")
read -r page_rps page_p95 < <(p95 "${auth[@]}" "http://127.0.0.1:$PORT$page")

cat <<REPORT
database: $DATABASE_NAME
machine:  $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same machine

| endpoint                                              | requests/s | p95 |
|-------------------------------------------------------|-----------:|----:|
| GET /healthz                                          | $health_rps | $health_p95 |
| workspace meeting page, 25 items, 11 answers ($(( page_bytes / 1024 )) KB) | $page_rps | $page_p95 |
REPORT
