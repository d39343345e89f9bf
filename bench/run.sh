#!/usr/bin/env bash
# bench/run.sh: the otos-messaging benchmark (issue 5, item 2), first cut.
#
# Usage (from anywhere in the checkout):
#
#     bash bench/run.sh                 # SCALE=1 RUNS=3
#     SCALE=10 RUNS=5 bash bench/run.sh
#
# What it does, from a clean checkout on a Debian machine:
#   1. installs PostgreSQL 15 and wrk with apt-get if they are missing (needs root or sudo), and
#      builds the jar (mvn -q -B -DskipTests package) if target/ holds none;
#   2. starts a private PostgreSQL cluster in a temporary directory (never the system service):
#      127.0.0.1 on a free port, default settings except shared_buffers=256MB (fsync stays on),
#      run as the 'postgres' user when this script runs as root;
#   3. fills it with `db seed --scale=$SCALE --password=bench-password`;
#   4. starts the app jar on it (port $APP_PORT, -Xmx512m, OTOS_DEMO_ENABLED=false), waits for
#      /actuator/health to say UP and records the start-up time from the "Started ... in X seconds"
#      log line;
#   5. logs in a student, a teacher and an operator with curl (log-in form with its CSRF token,
#      keeping the SESSION cookie) and picks a thread of the student's from the database;
#   6. for each request: warms up ($WARMUP s of wrk), then runs wrk -t2 -c16 -d${DURATION}s
#      --latency $RUNS times with the session cookie set by a Lua script;
#   7. writes bench/results/<date>-scale<N>.md: per request the median req/s, p50 and p99 over the
#      runs, the machine (cores, memory, java, PostgreSQL) and the app's heap after the run;
#   8. always stops the app and the cluster and removes the temporary directory (trap on EXIT).
#
# Environment (all optional):
#   SCALE=1        data size for db seed (1 = 2,000 students, 20,000 threads, 200,000 messages)
#   RUNS=3         measured wrk runs per request; the report holds the median
#   DURATION=15    seconds per measured wrk run
#   WARMUP=5       seconds of wrk warm-up per request before measuring
#   APP_PORT=8081  the app's HTTP port (must be free)
#   KEEP_TMP=1     keep the temporary directory (logs, database) instead of deleting it
#
# Not in this cut (see the report at the end of the results file): posting a reply (needs a CSRF
# token per POST), the number of SQL statements per request, an authenticated trivial ceiling
# endpoint (the unauthenticated /actuator/health/liveness stands in for it; /actuator/health, which
# also asks the database, is measured next to it), the chart.
set -euo pipefail

SCALE="${SCALE:-1}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-5}"
APP_PORT="${APP_PORT:-8081}"
THREADS=2
CONNECTIONS=16
BENCH_PASSWORD="bench-password"
DB_NAME="otos"
DB_USER="otos"
DB_PASSWORD="bench-db-password"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

[[ "$SCALE" =~ ^[1-9][0-9]*$ ]] || die "SCALE must be a positive whole number, got '$SCALE'"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, got '$RUNS'"
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive whole number of seconds"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "WARMUP must be a whole number of seconds"

# ---------------------------------------------------------------- 1. tools and the jar
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
if ((${#missing[@]})); then
	log "installing ${missing[*]} with apt-get"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" \
		|| { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } \
		|| die "apt-get install ${missing[*]} failed"
fi
[[ -x "$PG_BIN/initdb" ]] || die "no PostgreSQL server binaries in $PG_BIN (set PG_BIN)"
command -v java >/dev/null || die "java is not installed (Java 17 or later is needed)"

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

# ---------------------------------------------------------------- cleanup
TMP="$(mktemp -d /tmp/otos-bench.XXXXXX)"
APP_PID=""
PG_STARTED=""
run_pg() { # run a PostgreSQL server binary as the cluster's owner
	if [[ $EUID -eq 0 ]]; then runuser -u "$PG_OWNER" -- "$@"; else "$@"; fi
}
cleanup() {
	local rc=$?
	set +e
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

# ---------------------------------------------------------------- 2. private PostgreSQL
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
log "starting PostgreSQL on 127.0.0.1:$PG_PORT (shared_buffers=256MB)"
run_pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -l "$TMP/pg/postgres.log" -w -t 60 \
	-o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$TMP/pg -c shared_buffers=256MB" \
	start >/dev/null || { cat "$TMP/pg/postgres.log" >&2; die "PostgreSQL did not start"; }
PG_STARTED=1

export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD"
psql -q -d postgres -c "create database $DB_NAME" || die "could not create database $DB_NAME"
sql() { psql -X -q -t -A -d "$DB_NAME" -c "$1"; }
PG_VERSION="$(sql 'show server_version')"

export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME"
export SPRING_DATASOURCE_USERNAME="$DB_USER"
export SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD"
export OTOS_DEMO_ENABLED=false

# ---------------------------------------------------------------- 3. seed
log "seeding: db seed --scale=$SCALE"
seed_start=$(date +%s)
java -jar "$JAR" db seed --scale="$SCALE" --password="$BENCH_PASSWORD" >"$TMP/seed.log" 2>&1 \
	|| { tail -n 40 "$TMP/seed.log" >&2; die "db seed failed"; }
SEED_SECONDS=$(($(date +%s) - seed_start))
log "seeded in ${SEED_SECONDS}s: $(sql 'select count(*) from otosapp_messagethread') threads, $(sql 'select count(*) from otosapp_message') messages"
sql 'vacuum analyze' >/dev/null

# ---------------------------------------------------------------- 4. the app
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

# ---------------------------------------------------------------- 5. log in
# login EMAIL -> prints the SESSION cookie value
login() {
	local email=$1 jar="$TMP/cookies-$1.txt" page csrf status location
	page="$(curl -fsS -c "$jar" -b "$jar" "$BASE/login")" || die "GET /login failed"
	csrf="$(grep -o '<input[^>]*name="_csrf"[^>]*>' <<<"$page" | head -n 1 | sed -n 's/.*value="\([^"]*\)".*/\1/p')"
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
THREAD_ID="$(sql "select t.id from otosapp_messagethread t join otosapp_user u on u.id = t.student_id where u.email = '$STUDENT' order by t.last_activity desc limit 1")"
[[ -n "$THREAD_ID" ]] || die "no thread found for $STUDENT"

log "logging in $STUDENT, $TEACHER, $OPERATOR"
declare -A SESSION
SESSION[student]="$(login "$STUDENT")"
SESSION[teacher]="$(login "$TEACHER")"
SESSION[operator]="$(login "$OPERATOR")"
SESSION[none]=""
for who in student teacher operator; do
	[[ -n "${SESSION[$who]}" ]] || die "no SESSION cookie after logging in the $who"
done

# ---------------------------------------------------------------- 6. measure
# name | who | path
REQUESTS=(
	"unread count, student|student|/api/messages/unread-count/"
	"unread count, teacher|teacher|/api/messages/unread-count/"
	"unread count, operator|operator|/api/messages/unread-count/"
	"inbox page 1, student|student|/messages/"
	"inbox page 1, teacher|teacher|/messages/"
	"thread page, student|student|/messages/thread/$THREAD_ID/"
	"ceiling: liveness probe (unauthenticated)|none|/actuator/health/liveness"
	"health with its database check (unauthenticated)|none|/actuator/health"
)

for who in student teacher operator none; do
	if [[ -n "${SESSION[$who]}" ]]; then
		printf 'wrk.headers["Cookie"] = "SESSION=%s"\n' "${SESSION[$who]}" >"$TMP/$who.lua"
	else
		printf -- '-- no cookie\n' >"$TMP/$who.lua"
	fi
done

# to_ms 1.23ms|456.78us|1.01s -> milliseconds
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
		printf "%.2f", n }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

RESULT_ROWS=()
for entry in "${REQUESTS[@]}"; do
	IFS='|' read -r name who path <<<"$entry"
	cookie=()
	[[ -n "${SESSION[$who]}" ]] && cookie=(-H "Cookie: SESSION=${SESSION[$who]}")
	status="$(curl -sS -o /dev/null -w '%{http_code}' "${cookie[@]}" "$BASE$path")"
	[[ "$status" == 200 ]] || die "$name: GET $path answered HTTP $status, not 200 (session lost?)"
	if ((WARMUP > 0)); then
		log "$name: warm-up ${WARMUP}s"
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$TMP/$who.lua" "$BASE$path" >/dev/null
	fi
	rps=() p50=() p99=() errors=0
	for run in $(seq 1 "$RUNS"); do
		out="$TMP/wrk-$(tr -c 'a-z0-9' '_' <<<"$name")-$run.txt"
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$TMP/$who.lua" "$BASE$path" >"$out"
		r="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
		l50="$(awk '$1 == "50%" { print $2 }' "$out")"
		l99="$(awk '$1 == "99%" { print $2 }' "$out")"
		[[ -n "$r" && -n "$l50" && -n "$l99" ]] || { cat "$out" >&2; die "$name: could not read wrk's output"; }
		e="$(awk '/Non-2xx or 3xx responses:/ { print $NF } /Socket errors:/ { s = $0; gsub(/[^0-9 ]/, "", s); split(s, x, " "); t = 0; for (i in x) t += x[i]; print t }' "$out" | awk '{ t += $1 } END { print t + 0 }')"
		errors=$((errors + e))
		rps+=("$r") p50+=("$(to_ms "$l50")") p99+=("$(to_ms "$l99")")
		log "$name: run $run/$RUNS: $r req/s, p50 $(to_ms "$l50") ms, p99 $(to_ms "$l99") ms"
	done
	RESULT_ROWS+=("| $name | \`GET $path\` | $(median "${rps[@]}" | awk '{ printf "%.0f", $1 }') | $(median "${p50[@]}") | $(median "${p99[@]}") | $errors |")
done

# ---------------------------------------------------------------- 7. heap and report
HEAP_INFO="$(jcmd "$APP_PID" GC.heap_info 2>&1 || echo "jcmd GC.heap_info failed")"
HEAP_USED_MB=""
if admin_session="$(login admin1@bench.otos.test 2>/dev/null)" && [[ -n "$admin_session" ]]; then
	HEAP_USED_MB="$(curl -fsS -H "Cookie: SESSION=$admin_session" "$BASE/actuator/prometheus" 2>/dev/null \
		| awk '/^jvm_memory_used_bytes\{.*area="heap"/ { t += $NF } END { if (t > 0) printf "%.0f", t / 1048576 }' || true)"
fi
RSS_MB="$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null || true)"

mkdir -p bench/results
RESULT="bench/results/$(date -u +%Y-%m-%d)-scale$SCALE.md"
MEM_TOTAL="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
JAVA_VERSION="$(java -version 2>&1)"
WRK_VERSION="$(wrk --version 2>&1 | head -n 1 || true)"
COMMIT="$(git describe --always --dirty 2>/dev/null || echo unknown)"
{
	echo "# Benchmark: scale $SCALE, $(date -u '+%Y-%m-%d %H:%M') UTC"
	echo
	echo "Produced by \`SCALE=$SCALE RUNS=$RUNS bash bench/run.sh\` at commit \`$COMMIT\`"
	echo "(\`$(basename "$JAR")\`). wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION} s per run,"
	echo "${WARMUP} s warm-up per request, $RUNS measured run(s) per request; each figure is the median over"
	echo "the runs (req/s, p50 and p99 taken separately). Errors: wrk's non-2xx/3xx responses plus socket"
	echo "errors over all runs. The app, PostgreSQL and wrk share the machine."
	echo
	echo "| request | path | req/s | p50 ms | p99 ms | errors |"
	echo "|---|---|---|---|---|---|"
	printf '%s\n' "${RESULT_ROWS[@]}"
	echo
	echo "Users: student \`$STUDENT\` (thread $THREAD_ID), teacher \`$TEACHER\`, operator \`$OPERATOR\`."
	echo
	echo "The ceiling row is \`/actuator/health/liveness\`, which needs no log-in and asks nothing of the"
	echo "database: the app has no trivial authenticated endpoint yet, so it stands in for one (it skips"
	echo "the session lookup in \`spring_session\`, so the real ceiling for logged-in requests is lower)."
	echo "\`/actuator/health\` also runs the database health check (one query per request)."
	echo
	echo "## Data and start-up"
	echo
	echo "- data: \`db seed --scale=$SCALE\` in ${SEED_SECONDS} s: $(sql "select count(*) from otosapp_user") users, $(sql 'select count(*) from otosapp_messagethread') threads, $(sql 'select count(*) from otosapp_message') messages"
	echo "- start-up: ${STARTUP_SECONDS:-?} s (\`${STARTUP:-no Started line}\`)"
	echo "- heap after the run: ${HEAP_USED_MB:-?} MB used (jvm_memory_used_bytes, area heap); process RSS ${RSS_MB:-?} MB; -Xmx512m"
	echo
	echo '```'
	echo "$HEAP_INFO"
	echo '```'
	echo
	echo "## Machine"
	echo
	echo "- CPU: $(nproc) cores ($CPU_MODEL)"
	echo "- memory: $MEM_TOTAL"
	echo "- PostgreSQL $PG_VERSION, private cluster on 127.0.0.1, defaults except shared_buffers=256MB (fsync on)"
	echo "- $WRK_VERSION"
	echo "- kernel: $(uname -sr)"
	echo
	echo '```'
	echo "$JAVA_VERSION"
	echo '```'
	echo
	echo "## Not measured yet"
	echo
	echo "- posting a reply (needs a CSRF token per POST: a Lua script that fetches one per request, or a Java client);"
	echo "- SQL statements per request (Hibernate statistics or a datasource proxy);"
	echo "- an authenticated trivial ceiling endpoint;"
	echo "- the chart and the 1x versus 10x comparison (BENCHMARKS.md)."
} >"$RESULT"
log "wrote $RESULT"
cat "$RESULT"
