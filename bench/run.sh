#!/usr/bin/env bash
# bench/run.sh: the otos-messaging benchmark (BENCHMARKS.md), one command.
#
# Usage (from anywhere in the checkout):
#
#     bash bench/run.sh                       # SCALES=1 RUNS=3
#     SCALES="1 10" bash bench/run.sh         # both data sizes, then the charts and the comparison
#     SCALES="1 10" RUNS=5 bash bench/run.sh
#     SCALE=10 bash bench/run.sh              # SCALE is an alias for a single scale
#
# What it measures, per request, with wrk (2 threads, 16 connections, $DURATION s, $RUNS runs, the
# median over the runs): req/s, p50 and p99 latency, SQL statements per request and transactions
# per request (pg_stat_statements), errors; each request's req/s as a percentage of the ceiling and
# its p99 as a multiple of the ceiling's p99. Requests: unread count (student, teacher, operator),
# inbox page 1 (student, teacher), thread page (student, teacher), the ceiling (an authenticated
# trivial endpoint, GET /api/me/), the unauthenticated liveness probe, /actuator/health, and
# posting a reply as the teacher (last, as it changes data; also durable messages/s and a check
# that every 302 stored a message). Also: start-up time, max heap used and committed during the
# measurement (jstat every 2 s), the machine.
#
# What it does, from a clean checkout on a Debian machine:
#   1. installs PostgreSQL 15, wrk, curl and python3 with apt-get if they are missing (needs root or
#      sudo), and builds the jar (mvn -q -B -DskipTests package) if target/ holds none;
#   2. for each scale in $SCALES, on a fresh cluster each time:
#      a. starts a private PostgreSQL cluster in a temporary directory (never the system service):
#         127.0.0.1 on a free port, default settings except shared_buffers=256MB and
#         pg_stat_statements loaded (fsync stays on), run as the 'postgres' user when run as root;
#      b. fills it with `db seed --scale=N --password=bench-password`;
#      c. starts the app jar on it (port $APP_PORT, -Xmx512m, OTOS_DEMO_ENABLED=false), waits for
#         /actuator/health to say UP and records the start-up time from the "Started ... in X
#         seconds" log line;
#      d. logs in a student, a teacher and an operator with curl (log-in form with its CSRF token,
#         keeping the SESSION cookie), picks a thread of the student's, one on the teacher's desk,
#         and up to 200 not closed threads on the teacher's desk for the replies;
#      e. for each request: warms up ($WARMUP s of wrk), then $RUNS times: resets
#         pg_stat_statements, runs wrk --latency, and counts the statements the app's database user
#         ran in the app's database (the bench's own queries run as another role);
#      f. writes bench/results/<date>-scale<N>.md (report) and bench/results/<date>-scale<N>.tsv
#         (machine-readable: request, path, req/s, p50, p99, SQL/req, errors, ...);
#      g. always stops the app, jstat and the cluster and removes the temporary directory (trap on
#         EXIT);
#   3. runs `python3 bench/chart.py`: bench/results/throughput.svg, latency.svg and comparison.md
#      (ours at each scale against the original Django figures).
#
# Environment (all optional):
#   SCALES="1"     data sizes to run, separated by spaces (1 = 2,000 students, 20,000 threads,
#                  200,000 messages; 10 = ten times that); SCALE=N is an alias for SCALES=N
#   RUNS=3         measured wrk runs per request; the report holds the median
#   DURATION=15    seconds per measured wrk run
#   WARMUP=5       seconds of wrk warm-up per request before measuring
#   JIT_WARMUP=120 seconds of load spread over every GET request once, before the first row
#   REPLY_WARMUP=30 seconds of replies before the replies are measured (at least WARMUP)
#   APP_PORT=8081  the app's HTTP port (must be free)
#   CEILING_PATH=/api/me/  the authenticated trivial endpoint of the ceiling row (GET, as the student)
#   KEEP_TMP=1     keep the temporary directory (logs, database, wrk output) instead of deleting it
#   PG_BIN=...     PostgreSQL server binaries (default /usr/lib/postgresql/15/bin)
set -euo pipefail

SCALES="${SCALES:-${SCALE:-1}}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-5}"
JIT_WARMUP="${JIT_WARMUP:-120}"
REPLY_WARMUP="${REPLY_WARMUP:-30}"
APP_PORT="${APP_PORT:-8081}"
CEILING_PATH="${CEILING_PATH:-/api/me/}"
THREADS=2
CONNECTIONS=16
BENCH_PASSWORD="bench-password"
DB_NAME="otos"
DB_USER="otos"
DB_PASSWORD="bench-db-password"
OBSERVER="bench_observer" # the role the bench's own queries run as, so they are not counted
REPLY_THREADS_MAX=200
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
warn() { printf '[bench %s] WARNING: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

for s in $SCALES; do
	[[ "$s" =~ ^[1-9][0-9]*$ ]] || die "SCALES must hold positive whole numbers, got '$s'"
done
[[ -n "${SCALES// /}" ]] || die "SCALES is empty"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, got '$RUNS'"
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive whole number of seconds"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "WARMUP must be a whole number of seconds"

# ================================================================ the command: tools, jar, scales
if [[ -z "${_BENCH_SCALE:-}" ]]; then
	as_root() {
		if [[ $EUID -eq 0 ]]; then "$@"
		elif command -v sudo >/dev/null; then sudo "$@"
		else die "need root (or sudo) to run: $*"; fi
	}
	missing=()
	[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || missing+=(postgresql)
	command -v psql >/dev/null || missing+=(postgresql-client)
	command -v wrk >/dev/null || missing+=(wrk)
	command -v curl >/dev/null || missing+=(curl)
	command -v python3 >/dev/null || missing+=(python3)
	if ((${#missing[@]})); then
		log "installing ${missing[*]} with apt-get"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" \
			|| { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } \
			|| die "apt-get install ${missing[*]} failed"
	fi
	[[ -x "$PG_BIN/initdb" ]] || die "no PostgreSQL server binaries in $PG_BIN (set PG_BIN)"
	[[ -f "$("$PG_BIN/pg_config" --pkglibdir 2>/dev/null || echo "$PG_BIN/../lib")/pg_stat_statements.so" ]] \
		|| [[ -f "$PG_BIN/../lib/pg_stat_statements.so" ]] \
		|| die "pg_stat_statements.so is missing (it ships with the postgresql-15 package)"
	command -v java >/dev/null || die "java is not installed (Java 17 or later is needed)"
	command -v jstat >/dev/null || warn "jstat not found (a JDK, not a JRE, has it): no heap figures"

	shopt -s nullglob
	jars=(target/otos-messaging-*.jar)
	if ((${#jars[@]} == 0)); then
		log "building the jar (mvn -q -B -DskipTests package)"
		mvn -q -B -DskipTests package || die "the build failed"
		jars=(target/otos-messaging-*.jar)
	fi
	shopt -u nullglob
	JAR="$(ls -t "${jars[@]}" | grep -v -- '-plain\.jar$' | head -n 1)"
	[[ -f "$JAR" ]] || die "no jar under target/ after the build"
	log "jar: $JAR"

	export _BENCH_JAR="$JAR" _BENCH_DATE="$(date -u +%Y-%m-%d)" SCALES RUNS DURATION WARMUP APP_PORT CEILING_PATH
	for s in $SCALES; do
		log "================ scale $s"
		_BENCH_SCALE="$s" bash "$ROOT/bench/run.sh" || die "the run at scale $s failed"
	done
	log "charts and comparison: python3 bench/chart.py"
	python3 bench/chart.py --date "$_BENCH_DATE" || die "bench/chart.py failed"
	exit 0
fi

# ================================================================ one scale (run by the command above)
SCALE="$_BENCH_SCALE"
JAR="$_BENCH_JAR"
BENCH_DATE="$_BENCH_DATE"

# ---------------------------------------------------------------- cleanup
TMP="$(mktemp -d /tmp/otos-bench.XXXXXX)"
APP_PID=""
JSTAT_PID=""
PG_STARTED=""
run_pg() { # run a PostgreSQL server binary as the cluster's owner
	if [[ $EUID -eq 0 ]]; then runuser -u "$PG_OWNER" -- "$@"; else "$@"; fi
}
cleanup() {
	local rc=$?
	set +e
	if [[ -n "$JSTAT_PID" ]] && kill -0 "$JSTAT_PID" 2>/dev/null; then
		kill "$JSTAT_PID"
		wait "$JSTAT_PID" 2>/dev/null
	fi
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		log "stopping the app (pid $APP_PID)"
		kill "$APP_PID"
		for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
		kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
	fi
	if [[ -n "$PG_STARTED" ]]; then
		log "stopping PostgreSQL"
		run_pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -m fast -w stop >/dev/null
	fi
	if [[ "${KEEP_TMP:-}" == 1 ]]; then
		log "kept $TMP"
	else
		rm -rf "$TMP"
	fi
	((rc == 0)) || log "failed (exit $rc); set KEEP_TMP=1 to keep the logs"
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- a. private PostgreSQL
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$APP_PORT" || die "port $APP_PORT is in use (set APP_PORT)"
PG_PORT=""
for p in $(seq 55432 55532); do
	if port_free "$p"; then PG_PORT=$p; break; fi
done
[[ -n "$PG_PORT" ]] || die "no free port for PostgreSQL in 55432-55532"

if [[ $EUID -eq 0 ]]; then
	PG_OWNER=postgres
	id "$PG_OWNER" >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the cluster"
else
	PG_OWNER="$(id -un)"
fi
mkdir -p "$TMP/pg"
chmod 755 "$TMP"
[[ $EUID -eq 0 ]] && chown "$PG_OWNER" "$TMP/pg"
printf '%s\n' "$DB_PASSWORD" >"$TMP/pg/pwfile"
[[ $EUID -eq 0 ]] && chown "$PG_OWNER" "$TMP/pg/pwfile"
chmod 600 "$TMP/pg/pwfile"

log "initdb in $TMP/pg/data (owner $PG_OWNER)"
run_pg "$PG_BIN/initdb" -D "$TMP/pg/data" -U "$DB_USER" --pwfile="$TMP/pg/pwfile" \
	--auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 \
	|| { cat "$TMP/initdb.log" >&2; die "initdb failed"; }
log "starting PostgreSQL on 127.0.0.1:$PG_PORT (shared_buffers=256MB, pg_stat_statements)"
run_pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -l "$TMP/pg/postgres.log" -w -t 60 \
	-o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$TMP/pg -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top" \
	start >/dev/null || { cat "$TMP/pg/postgres.log" >&2; die "PostgreSQL did not start"; }
PG_STARTED=1

export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD"
psql -X -q -d postgres -c "create database $DB_NAME" || die "could not create database $DB_NAME"
psql -X -q -d postgres -c "create role $OBSERVER login superuser password '$DB_PASSWORD'" \
	|| die "could not create the role $OBSERVER"
# the bench's own queries run as $OBSERVER; only $DB_USER's statements are counted
sql() { PGUSER="$OBSERVER" psql -X -q -t -A -d "$DB_NAME" -c "$1"; }
sql 'create extension pg_stat_statements' >/dev/null || die "could not create extension pg_stat_statements"
PG_VERSION="$(sql 'show server_version')"

export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME"
export SPRING_DATASOURCE_USERNAME="$DB_USER"
export SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD"
export OTOS_DEMO_ENABLED=false

# ---------------------------------------------------------------- b. seed
log "seeding: db seed --scale=$SCALE"
seed_start=$(date +%s)
java -jar "$JAR" db seed --scale="$SCALE" --password="$BENCH_PASSWORD" >"$TMP/seed.log" 2>&1 \
	|| { tail -n 40 "$TMP/seed.log" >&2; die "db seed failed"; }
SEED_SECONDS=$(($(date +%s) - seed_start))
log "seeded in ${SEED_SECONDS}s: $(sql 'select count(*) from otosapp_messagethread') threads, $(sql 'select count(*) from otosapp_message') messages"
sql 'vacuum analyze' >/dev/null
DATA_LINE="$(sql "select count(*) from otosapp_user") users, $(sql 'select count(*) from otosapp_messagethread') threads, $(sql 'select count(*) from otosapp_message') messages"

# ---------------------------------------------------------------- c. the app
BASE="http://127.0.0.1:$APP_PORT"
log "starting the app on port $APP_PORT (-Xmx512m)"
java -Xmx512m -jar "$JAR" --server.port="$APP_PORT" >"$TMP/app.log" 2>&1 &
APP_PID=$!
up=""
for _ in $(seq 1 180); do
	kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$TMP/app.log" >&2; die "the app exited during start-up"; }
	if curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then up=1; break; fi
	sleep 1
done
[[ -n "$up" ]] || { tail -n 40 "$TMP/app.log" >&2; die "the app was not UP after 180 s"; }
STARTUP="$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds[^)]*)' "$TMP/app.log" | head -n 1 || true)"
STARTUP_SECONDS="$(sed -n 's/.* in \([0-9.]*\) seconds.*/\1/p' <<<"$STARTUP")"
log "app UP: ${STARTUP:-no 'Started' line found}"

# ---------------------------------------------------------------- d. log in, pick threads
# hidden_csrf HTML -> the value of the first <input name="_csrf" value="...">
hidden_csrf() { grep -o '<input[^>]*name="_csrf"[^>]*>' <<<"$1" | head -n 1 | sed -n 's/.*value="\([^"]*\)".*/\1/p'; }
# login EMAIL -> prints the SESSION cookie value
login() {
	local email=$1 jar="$TMP/cookies-$1.txt" page csrf status location
	page="$(curl -fsS -c "$jar" -b "$jar" "$BASE/login")" || die "GET /login failed"
	csrf="$(hidden_csrf "$page")"
	[[ -n "$csrf" ]] || die "no _csrf hidden field on the log-in page"
	read -r status location < <(curl -sS -o /dev/null -c "$jar" -b "$jar" -w '%{http_code} %{redirect_url}\n' \
		--data-urlencode "username=$email" --data-urlencode "password=$BENCH_PASSWORD" \
		--data-urlencode "_csrf=$csrf" "$BASE/login")
	[[ "$status" == 302 && "$location" != *error* ]] || die "log-in of $email failed (HTTP $status -> $location)"
	awk '$6 == "SESSION" { print $7 }' "$jar" | tail -n 1
}

STUDENT="siswa0001@bench.otos.test"
# a student of the seeded school who has threads: siswa0001 if possible
if [[ "$(sql "select count(*) from otosapp_messagethread t join otosapp_user u on u.id = t.student_id where u.email = '$STUDENT'")" == 0 ]]; then
	STUDENT="$(sql "select u.email from otosapp_user u join otosapp_messagethread t on t.student_id = u.id where u.email like 'siswa%' order by u.email limit 1")"
fi
TEACHER="$(sql "select email from otosapp_user where email like 'guru%@bench.otos.test' order by email limit 1")"
OPERATOR="operator1@bench.otos.test"
[[ -n "$STUDENT" && -n "$TEACHER" ]] || die "no seeded student or teacher found"
TEACHER_ID="$(sql "select id from otosapp_user where email = '$TEACHER'")"
THREAD_ID="$(sql "select t.id from otosapp_messagethread t join otosapp_user u on u.id = t.student_id where u.email = '$STUDENT' order by t.last_activity desc limit 1")"
[[ -n "$THREAD_ID" ]] || die "no thread found for $STUDENT"
TEACHER_THREAD_ID="$(sql "select id from otosapp_messagethread where teacher_or_admin_id = $TEACHER_ID order by last_activity desc limit 1")"
[[ -n "$TEACHER_THREAD_ID" ]] || die "no thread on the desk of $TEACHER"
REPLY_THREAD_IDS="$(sql "select id from otosapp_messagethread where teacher_or_admin_id = $TEACHER_ID and status <> 'closed' order by last_activity desc limit $REPLY_THREADS_MAX" | paste -sd, -)"
REPLY_THREAD_COUNT="$(awk -F, '{ print NF }' <<<"$REPLY_THREAD_IDS")"

log "logging in $STUDENT, $TEACHER, $OPERATOR"
declare -A SESSION
SESSION[student]="$(login "$STUDENT")"
SESSION[teacher]="$(login "$TEACHER")"
SESSION[operator]="$(login "$OPERATOR")"
SESSION[none]=""
for who in student teacher operator; do
	[[ -n "${SESSION[$who]}" ]] || die "no SESSION cookie after logging in the $who"
done
SESSION[reply]="${SESSION[teacher]}"

for who in student teacher operator none; do
	if [[ -n "${SESSION[$who]}" ]]; then
		printf 'wrk.headers["Cookie"] = "SESSION=%s"\n' "${SESSION[$who]}" >"$TMP/$who.lua"
	else
		printf -- '-- no cookie\n' >"$TMP/$who.lua"
	fi
done

# the reply script: POSTs a reply as the teacher, rotating over the threads; counts the 302s
REPLY_CSRF=""
if [[ -n "$REPLY_THREAD_IDS" ]]; then
	first_reply_thread="${REPLY_THREAD_IDS%%,*}"
	page="$(curl -fsS -H "Cookie: SESSION=${SESSION[teacher]}" "$BASE/messages/thread/$first_reply_thread/")" \
		|| die "GET /messages/thread/$first_reply_thread/ as the teacher failed"
	REPLY_CSRF="$(hidden_csrf "$page")"
	[[ -n "$REPLY_CSRF" ]] || die "no _csrf hidden field on the teacher's thread page"
fi
cat >"$TMP/reply.lua" <<EOF
-- generated by bench/run.sh: replies as $TEACHER to $REPLY_THREAD_COUNT threads on their desk
local thread_ids = { $REPLY_THREAD_IDS }
local csrf = "$REPLY_CSRF"
local cookie = "SESSION=${SESSION[teacher]}"
local nonce = os.getenv("BENCH_NONCE") or tostring(os.time())
local wrk_threads = {}
local next_id = 0

function setup(thread)
	thread:set("id", next_id)
	next_id = next_id + 1
	table.insert(wrk_threads, thread)
end

local function urlencode(s)
	return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
	sent, found, other = 0, 0, 0
	math.randomseed(os.time() + id * 7919)
	body_prefix = "action=reply&content=" .. urlencode("Benchmark reply from wrk thread " .. id)
		.. "&_csrf=" .. urlencode(csrf) .. "&submission_key="
end

function request()
	sent = sent + 1
	local thread_id = thread_ids[(sent + id * 7) % #thread_ids + 1]
	local key = string.format("bench-%s-%d-%d-%d", nonce, id, sent, math.random(1, 1000000000))
	return wrk.format("POST", "/messages/thread/" .. thread_id .. "/",
		{ ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" },
		body_prefix .. key)
end

function response(status, headers, body)
	if status == 302 then found = found + 1 else other = other + 1 end
end

function done(summary, latency, requests)
	local s, f, o = 0, 0, 0
	for _, t in ipairs(wrk_threads) do
		s = s + t:get("sent")
		f = f + t:get("found")
		o = o + t:get("other")
	end
	io.write(string.format("replies: sent %d, 302 %d, other %d\n", s, f, o))
end
EOF

# ---------------------------------------------------------------- e. measure
# name | who (session and Lua script) | method | path
REQUESTS=(
	"unread count, student|student|GET|/api/messages/unread-count/"
	"unread count, teacher|teacher|GET|/api/messages/unread-count/"
	"unread count, operator|operator|GET|/api/messages/unread-count/"
	"inbox page 1, student|student|GET|/messages/"
	"inbox page 1, teacher|teacher|GET|/messages/"
	"thread page, student|student|GET|/messages/thread/$THREAD_ID/"
	"thread page, teacher|teacher|GET|/messages/thread/$TEACHER_THREAD_ID/"
	"ceiling: authenticated trivial endpoint (student)|student|GET|$CEILING_PATH"
	"unauthenticated liveness probe|none|GET|/actuator/health/liveness"
	"health with its database check (unauthenticated)|none|GET|/actuator/health"
	"posting a reply (teacher)|reply|POST|/messages/thread/{id}/"
)
CEILING_NAME="ceiling: authenticated trivial endpoint (student)"

# to_ms 1.23ms|456.78us|1.01s -> milliseconds
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
		printf "%.2f", n }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
slug() { tr -c 'a-z0-9' '_' <<<"$1"; }

# statements the app ran since the last reset: all but transaction control, and the BEGINs (pgjdbc
# sends BEGIN or BEGIN READ ONLY for each transaction Spring opens; pg_stat_statements does not list
# the COMMITs)
APP_FILTER="userid = (select oid from pg_roles where rolname = '$DB_USER') and dbid = (select oid from pg_database where datname = '$DB_NAME')"
TX_CONTROL="'^\s*(begin|commit|rollback|start transaction|end|abort)\M'"
statements_since_reset() {
	sql "select coalesce(sum(calls) filter (where query !~* $TX_CONTROL), 0),
		coalesce(sum(calls) filter (where query ~* '^\s*(begin|start transaction)\M'), 0)
		from pg_stat_statements where $APP_FILTER" | tr '|' ' '
}

# heap: jstat -gc every 2 s from the first warm-up to the end of the last run
if command -v jstat >/dev/null; then
	jstat -gc "$APP_PID" 2000 >"$TMP/jstat.txt" 2>&1 &
	JSTAT_PID=$!
fi

# JIT warm-up: the JVM goes on compiling the hot paths through its first minute under load (C2
# took a fifth of the CPU 30 s in, measured with async-profiler). Every GET request gets its share
# of $JIT_WARMUP s in turn before anything is measured, so the first rows are not the ones that pay.
if ((JIT_WARMUP > 0)); then
	gets=0
	for entry in "${REQUESTS[@]}"; do
		IFS='|' read -r _ _ method _ <<<"$entry"
		[[ "$method" == GET ]] && gets=$((gets + 1))
	done
	each=$(((JIT_WARMUP + gets - 1) / gets))
	log "JIT warm-up: ${each}s of each GET request"
	for entry in "${REQUESTS[@]}"; do
		IFS='|' read -r _ who method path <<<"$entry"
		[[ "$method" == GET && -f "$TMP/$who.lua" ]] || continue
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"${each}s" -s "$TMP/$who.lua" "$BASE$path" >/dev/null 2>&1 || true
	done
fi

declare -a R_NAME R_PATH R_RPS R_P50 R_P99 R_SQL R_TX R_ERR R_DURABLE
REPLY_DURABLE=""
SKIPPED=()
REPLY_NOTES=()
REPLY_MISMATCH=""
for entry in "${REQUESTS[@]}"; do
	IFS='|' read -r name who method path <<<"$entry"
	lua="$TMP/$who.lua"
	if [[ "$who" == reply ]]; then
		if [[ -z "$REPLY_THREAD_IDS" ]]; then
			warn "$name: no open thread on the desk of $TEACHER; skipped"
			SKIPPED+=("$name: no thread on the teacher's desk that is not closed")
			continue
		fi
		target="/messages/thread/${REPLY_THREAD_IDS%%,*}/"
		status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=${SESSION[teacher]}" \
			--data-urlencode "action=reply" --data-urlencode "content=Benchmark reply, curl check" \
			--data-urlencode "submission_key=bench-check-$$-$RANDOM" --data-urlencode "_csrf=$REPLY_CSRF" \
			"$BASE$target")"
		if [[ "$status" != 302 ]]; then
			warn "$name: POST $target answered HTTP $status, not 302; skipped"
			SKIPPED+=("$name: POST $target answered HTTP $status, not 302")
			continue
		fi
		display_path="POST /messages/thread/{id}/ ($REPLY_THREAD_COUNT threads)"
	else
		target="$path"
		cookie=()
		[[ -n "${SESSION[$who]}" ]] && cookie=(-H "Cookie: SESSION=${SESSION[$who]}")
		status="$(curl -sS -o /dev/null -w '%{http_code}' "${cookie[@]}" "$BASE$path")"
		if [[ "$status" != 200 ]]; then
			if [[ "$name" == "$CEILING_NAME" ]]; then
				warn "$name: GET $path answered HTTP $status, not 200 (not in this jar yet?); skipped"
				SKIPPED+=("$name: GET $path answered HTTP $status (the endpoint is not in this build)")
				continue
			fi
			die "$name: GET $path answered HTTP $status, not 200 (session lost?)"
		fi
		display_path="GET $path"
	fi
	# the reply's code path gets no share of the JIT warm-up (it writes), so it warms up longer here
	warmup="$WARMUP"
	[[ "$who" == reply ]] && ((warmup < REPLY_WARMUP)) && warmup="$REPLY_WARMUP"
	if ((warmup > 0)); then
		log "$name: warm-up ${warmup}s"
		BENCH_NONCE="w$$" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${warmup}s" -s "$lua" "$BASE$target" >/dev/null
	fi
	rps=() p50=() p99=() sqlr=() txr=() durables=() errors=0
	for run in $(seq 1 "$RUNS"); do
		out="$TMP/wrk-$(slug "$name")-$run.txt"
		[[ "$who" == reply ]] && messages_before="$(sql 'select count(*) from otosapp_message')"
		sql 'select pg_stat_statements_reset()' >/dev/null
		BENCH_NONCE="r$$-$run" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$lua" "$BASE$target" >"$out"
		read -r statements begins < <(statements_since_reset)
		sql "select lpad(calls::text, 8) || '  ' || left(regexp_replace(query, '\s+', ' ', 'g'), 160)
			from pg_stat_statements where $APP_FILTER order by calls desc limit 12" \
			>"$TMP/statements-$(slug "$name")-$run.txt"
		r="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
		n="$(awk '/ requests in / { print $1 }' "$out")"
		l50="$(awk '$1 == "50%" { print $2 }' "$out")"
		l99="$(awk '$1 == "99%" { print $2 }' "$out")"
		[[ -n "$r" && -n "$n" && -n "$l50" && -n "$l99" ]] || { cat "$out" >&2; die "$name: could not read wrk's output"; }
		e="$(awk '/Non-2xx or 3xx responses:/ { print $NF } /Socket errors:/ { s = $0; gsub(/[^0-9 ]/, "", s); split(s, x, " "); t = 0; for (i in x) t += x[i]; print t }' "$out" | awk '{ t += $1 } END { print t + 0 }')"
		if [[ "$who" == reply ]]; then
			sleep 2 # let the replies in flight when wrk stopped finish
			messages_after="$(sql 'select count(*) from otosapp_message')"
			read -r sent found other < <(sed -n 's/^replies: sent \([0-9]*\), 302 \([0-9]*\), other \([0-9]*\)$/\1 \2 \3/p' "$out")
			[[ -n "$found" ]] || { cat "$out" >&2; die "$name: no 'replies:' line from the Lua script"; }
			stored=$((messages_after - messages_before))
			durable="$(awk -v s="$stored" -v d="$DURATION" 'BEGIN { printf "%.1f", s / d }')"
			durables+=("$durable")
			in_flight=$((sent - found - other))
			# wrk's error count holds the non-302 answers too; count them from Lua
			e=$((other + $(awk '/Socket errors:/ { s = $0; gsub(/[^0-9 ]/, "", s); split(s, x, " "); t = 0; for (i in x) t += x[i]; print t }' "$out" | awk '{ t += $1 } END { print t + 0 }')))
			note="run $run: $sent sent, $found answered 302, $other answered otherwise, $in_flight in flight when wrk stopped; $stored new messages stored ($durable durable messages/s)"
			if ((stored == found)); then
				note+="; stored = 302s"
			elif ((stored > found && stored - found <= in_flight)); then
				note+="; stored - 302s = $((stored - found)), explained by the requests in flight at the stop"
			else
				note+="; MISMATCH: $stored stored but $found answered 302"
				REPLY_MISMATCH=1
				printf '\n[bench] !!!!!!!!!!!!!!!! MISMATCH: %s: %s new messages stored but %s replies answered 302 (%s in flight) !!!!!!!!!!!!!!!!\n\n' \
					"$name" "$stored" "$found" "$in_flight" >&2
			fi
			REPLY_NOTES+=("$note")
			log "$name: $note"
			n="$found"
		fi
		sql_per_req="$(awk -v s="$statements" -v n="$n" 'BEGIN { if (n > 0) printf "%.2f", s / n; else print 0 }')"
		tx_per_req="$(awk -v s="$begins" -v n="$n" 'BEGIN { if (n > 0) printf "%.2f", s / n; else print 0 }')"
		errors=$((errors + e))
		rps+=("$r") p50+=("$(to_ms "$l50")") p99+=("$(to_ms "$l99")") sqlr+=("$sql_per_req") txr+=("$tx_per_req")
		log "$name: run $run/$RUNS: $r req/s, p50 $(to_ms "$l50") ms, p99 $(to_ms "$l99") ms, $sql_per_req SQL/req, $tx_per_req tx/req, $e errors"
	done
	R_NAME+=("$name")
	R_PATH+=("$display_path")
	R_RPS+=("$(median "${rps[@]}" | awk '{ printf "%.0f", $1 }')")
	R_P50+=("$(median "${p50[@]}")")
	R_P99+=("$(median "${p99[@]}")")
	R_SQL+=("$(median "${sqlr[@]}" | awk '{ printf "%.1f", $1 }')")
	R_TX+=("$(median "${txr[@]}" | awk '{ printf "%.1f", $1 }')")
	R_ERR+=("$errors")
	if ((${#durables[@]})); then
		R_DURABLE+=("$(median "${durables[@]}" | awk '{ printf "%.1f", $1 }')")
		REPLY_DURABLE="${R_DURABLE[-1]}"
	else
		R_DURABLE+=("")
	fi
done

if [[ -n "$JSTAT_PID" ]]; then
	kill "$JSTAT_PID" 2>/dev/null || true
	wait "$JSTAT_PID" 2>/dev/null || true
	JSTAT_PID=""
fi

# ---------------------------------------------------------------- f. report
# max heap used and committed (MB) over the jstat samples: young (S0, S1, Eden) and old
read -r HEAP_USED_MAX HEAP_COMMITTED_MAX HEAP_SAMPLES < <(awk '
	$1 == "S0C" { for (i = 1; i <= NF; i++) col[$i] = i; next }
	col["S0C"] && $1 ~ /^[0-9.]+$/ {
		u = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"];
		c = $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"];
		if (u > mu) mu = u; if (c > mc) mc = c; k++ }
	END { printf "%.0f %.0f %d\n", mu / 1024, mc / 1024, k }' "$TMP/jstat.txt" 2>/dev/null || echo "? ? 0")
HEAP_INFO="$(jcmd "$APP_PID" GC.heap_info 2>&1 || echo "jcmd GC.heap_info failed")"

# the kept unread counts: how often a count was answered from memory, and what counting in the
# database cost when it was not (Micrometer, /actuator/prometheus, as an admin)
COUNTS_LINE="not read (no admin log-in or no metrics)"
if admin_session="$(login admin1@bench.otos.test 2>/dev/null)" && [[ -n "$admin_session" ]]; then
	metrics="$(curl -fsS -H "Cookie: SESSION=$admin_session" "$BASE/actuator/prometheus" 2>/dev/null || true)"
	COUNTS_LINE="$(awk '
		/^otos_unread_count_cache_total\{.*result="hit"/ { hits = $NF }
		/^otos_unread_count_cache_total\{.*result="miss"/ { misses = $NF }
		/^otos_unread_count_seconds_count/ { n = $NF }
		/^otos_unread_count_seconds_sum/ { sum = $NF }
		/^otos_unread_count_seconds_max/ { max = $NF }
		END { if (n > 0) printf "%d answered from memory, %d counted in the database (mean %.2f ms, max %.2f ms over the last minutes)", hits, misses, 1000 * sum / n, 1000 * max;
		      else print "no figures in /actuator/prometheus" }' <<<"$metrics")"
fi
RSS_MB="$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null || true)"

# the ceiling's req/s and p99, for the relative columns
CEIL_RPS="" CEIL_P99=""
for i in "${!R_NAME[@]}"; do
	if [[ "${R_NAME[$i]}" == "$CEILING_NAME" ]]; then CEIL_RPS="${R_RPS[$i]}" CEIL_P99="${R_P99[$i]}"; fi
done
pct() { [[ -n "$CEIL_RPS" ]] && awk -v a="$1" -v b="$CEIL_RPS" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "–" }' || echo "–"; }
times() { [[ -n "$CEIL_P99" ]] && awk -v a="$1" -v b="$CEIL_P99" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "–" }' || echo "–"; }

mkdir -p bench/results
RESULT="bench/results/$BENCH_DATE-scale$SCALE.md"
TSV="bench/results/$BENCH_DATE-scale$SCALE.tsv"
{
	printf 'request\tpath\treq_per_s\tp50_ms\tp99_ms\tsql_per_req\terrors\ttx_per_req\tpct_of_ceiling\tp99_over_ceiling\tdurable_messages_per_s\n'
	for i in "${!R_NAME[@]}"; do
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${R_NAME[$i]}" "${R_PATH[$i]}" "${R_RPS[$i]}" "${R_P50[$i]}" \
			"${R_P99[$i]}" "${R_SQL[$i]}" "${R_ERR[$i]}" "${R_TX[$i]}" "$(pct "${R_RPS[$i]}")" "$(times "${R_P99[$i]}")" "${R_DURABLE[$i]}"
	done
} >"$TSV"

MEM_TOTAL="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
JAVA_VERSION="$(java -version 2>&1)"
WRK_VERSION="$(wrk --version 2>&1 | head -n 1 || true)"
# the commit, "-dirty" if anything tracked but this run's own result files was changed
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ "$COMMIT" != unknown && -n "$(git status --porcelain --untracked-files=no -- . ':(exclude)bench/results' 2>/dev/null)" ]]; then
	COMMIT="$COMMIT-dirty"
fi
{
	echo "# Benchmark: scale $SCALE, $(date -u '+%Y-%m-%d %H:%M') UTC"
	echo
	echo "Produced by \`SCALES=\"$SCALES\" RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP bash bench/run.sh\` at commit"
	echo "\`$COMMIT\` (\`$(basename "$JAR")\`). wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION} s per run,"
	echo "${WARMUP} s warm-up per request, $RUNS measured run(s) per request; each figure is the median over"
	echo "the runs (req/s, p50, p99 and SQL/req taken separately). Errors: wrk's non-2xx/3xx responses plus"
	echo "socket errors over all runs (for the reply: answers other than 302). The app, PostgreSQL and wrk"
	echo "share the machine ($(nproc) cores)."
	echo
	echo "| request | path | req/s | % of ceiling | p50 ms | p99 ms | p99 / ceiling p99 | SQL/req | tx/req | errors |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
	for i in "${!R_NAME[@]}"; do
		echo "| ${R_NAME[$i]} | \`${R_PATH[$i]}\` | ${R_RPS[$i]} | $(pct "${R_RPS[$i]}") | ${R_P50[$i]} | ${R_P99[$i]} | $(times "${R_P99[$i]}") | ${R_SQL[$i]} | ${R_TX[$i]} | ${R_ERR[$i]} |"
	done
	echo
	if ((${#SKIPPED[@]})); then
		echo "**Skipped:**"
		echo
		printf -- '- %s\n' "${SKIPPED[@]}"
		echo
	fi
	echo "Users: student \`$STUDENT\` (thread $THREAD_ID), teacher \`$TEACHER\` (thread $TEACHER_THREAD_ID on their"
	echo "desk), operator \`$OPERATOR\`."
	echo
	echo "**Ceiling**: \`GET $CEILING_PATH\` as the student, JSON about the logged-in user: the session lookup and"
	echo "nothing else, so it is the most a logged-in request can do here. \"% of ceiling\" is a request's"
	echo "req/s as a share of the ceiling's; \"p99 / ceiling p99\" its p99 over the ceiling's. The"
	echo "unauthenticated liveness probe skips even the session; \`/actuator/health\` also runs the"
	echo "database health check."
	echo
	echo "**SQL/req**: statements the app's database user ran in the app's database during the measured"
	echo "run (pg_stat_statements, track=top, reset right before each run; the bench's own queries run as"
	echo "another role), divided by the requests wrk completed; BEGIN/COMMIT/ROLLBACK are not counted."
	echo "**tx/req**: transactions per request, counted by their BEGIN (or BEGIN READ ONLY) statements;"
	echo "a statement run in autocommit is its own transaction and is not in it. Both columns include"
	echo "the app's background work during the run (the scheduled notification jobs), which is small."
	echo
	echo "## Posting a reply"
	echo
	if ((${#REPLY_NOTES[@]})); then
		echo "As the teacher, \`POST /messages/thread/{id}/\` with \`action=reply\`, a text, a unique"
		echo "\`submission_key\` and the session's CSRF token, rotating over $REPLY_THREAD_COUNT threads on their desk"
		echo "that are not closed (a success is the 302 redirect after the post). Durable messages/s are the"
		echo "new rows in \`otosapp_message\` over the run, divided by ${DURATION} s; every 302 must be a stored"
		echo "message (requests still in flight when wrk stops are stored without wrk seeing their 302)."
		echo
		printf -- '- %s\n' "${REPLY_NOTES[@]}"
		echo
		echo "Median durable messages/s: **$REPLY_DURABLE** (wrk: ${R_RPS[-1]} req/s)."
		if [[ -n "$REPLY_MISMATCH" ]]; then
			echo
			echo "**MISMATCH: the stored messages do not match the 302 answers; see above.**"
		fi
	else
		echo "Not measured (see Skipped)."
	fi
	echo
	echo "## Data, start-up and heap"
	echo
	echo "- data: \`db seed --scale=$SCALE\` in ${SEED_SECONDS} s: $DATA_LINE (before the replies)"
	echo "- start-up: ${STARTUP_SECONDS:-?} s (\`${STARTUP:-no Started line}\`)"
	echo "- unread counts over the whole run: $COUNTS_LINE"
	echo "- heap during the measurement (jstat -gc every 2 s, $HEAP_SAMPLES samples, young + old): max used"
	echo "  ${HEAP_USED_MAX} MB, max committed ${HEAP_COMMITTED_MAX} MB, with -Xmx512m; process RSS at the end ${RSS_MB:-?} MB"
	echo
	echo '```'
	echo "$HEAP_INFO"
	echo '```'
	echo
	echo "## Machine"
	echo
	echo "- CPU: $(nproc) cores ($CPU_MODEL)"
	echo "- memory: $MEM_TOTAL"
	echo "- PostgreSQL $PG_VERSION, private cluster on 127.0.0.1, defaults except shared_buffers=256MB and"
	echo "  pg_stat_statements loaded (fsync on)"
	echo "- $WRK_VERSION"
	echo "- kernel: $(uname -sr)"
	echo
	echo '```'
	echo "$JAVA_VERSION"
	echo '```'
	echo
	echo "## Most frequent statements per request (last run)"
	echo
	echo "The app's statements during each request's last measured run, by calls (pg_stat_statements)."
	for i in "${!R_NAME[@]}"; do
		f="$TMP/statements-$(slug "${R_NAME[$i]}")-$RUNS.txt"
		[[ -s "$f" ]] || continue
		echo
		echo "<details><summary>${R_NAME[$i]}</summary>"
		echo
		echo '```'
		cat "$f"
		echo '```'
		echo
		echo "</details>"
	done
} >"$RESULT"
log "wrote $RESULT and $TSV"
cat "$RESULT"
