#!/usr/bin/env bash
# bench/run.sh: the otos-messaging benchmark (BENCHMARKS.md), one command.
#
#     bash bench/run.sh                        # SCALES=1
#     SCALES="1 10" bash bench/run.sh          # the full run (about 65 minutes on the 2-core bench machine)
#     QUICK=1 bash bench/run.sh                # a few minutes, to try it: scale 1, short runs, fewer rows
#     BASELINE=6c8662b SCALES=1 bash bench/run.sh
#
# Per scale, on one private PostgreSQL cluster (fsync on, pg_stat_statements) filled once by `db seed`
# and copied afresh from that seed for every configuration, so each one starts from the same data:
#
#   configurations: "baseline" (the jar built from $BASELINE on Java 17), "current" (this checkout's jar
#   on Java 17) and "current-java25" (this checkout's jar on Java 25; at the scales in $JAVA25_SCALES),
#   one after the other; each app runs alone with -Xmx512m and `ulimit -n 65536`;
#
#   rows: unread count (student, teacher, operator), inbox page 1 (student, teacher), thread page
#   (student, teacher), the ceiling GET /api/me/, the liveness probe, /actuator/health, posting a reply
#   (teacher, last, as it writes; every acknowledged reply must be a stored message). Each row runs
#     1. closed model: wrk, 2 threads, 16 connections ($WARMUP s warm-up, then $RUNS runs of $DURATION s);
#        SQL statements and transactions per request from pg_stat_statements;
#     2. open model: Gatling (bench/gatling, RowSimulation) at a fixed arrival rate of $OPEN_LOAD % of
#        the closed model's req/s: $OPEN_WARMUP s at that rate not counted (the load client's own JIT and
#        connections), then $DURATION s measured: req/s achieved, p50/p95/p99 (queueing included), errors;
#     heap (jstat -gc every second: max used and committed) during the row.
#   After the rows: heap after a full GC (jcmd GC.run, GC.heap_info), the app's RSS, the unread-count
#   metrics; `db cold-counts --after-a-message` (a count over each role's desk, and the first count after a
#   message on it as the app answers it) with each jar;
#   then, at the largest scale only, with the current jar on Java 17, bench/streams/streams.sh if it
#   exists (10,000 open event streams: $STREAMS, at most the seeded students).
#   At the scales above 1 only the rows matching $LARGE_ROWS are measured (what the issue asks at 10x).
#
# It writes bench/results/<date>-scale<N>.md and .tsv (one row per configuration, request and model),
# <date>-comparison.md (baseline vs current, Java 17 vs Java 25, the issue's targets met or missed),
# and the charts (python3 bench/chart.py). python3 bench/report.py turns the raw outputs into those.
#
# Environment (all optional):
#   SCALES="1"       data sizes (1 = 2,000 students, 20,000 threads, 200,000 messages); SCALE=N an alias
#   BASELINE=acccc4e the commit to compare with (the code before issue 15); BASELINE=none: no baseline
#   JAVA25_SCALES="1" the scales at which the current jar also runs on Java 25 ("" = never)
#   JAVA17_HOME=/usr/lib/jvm/java-17-openjdk-amd64  JAVA25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
#   RUNS=2 DURATION=10 WARMUP=10  wrk runs per row, seconds per run (and of the Gatling run), warm-up
#   REPLY_WARMUP=10  seconds of wrk warm-up of the reply row (its code gets no share of JIT_WARMUP)
#   JIT_WARMUP=90    seconds of load spread over every GET row once per configuration, before the first
#                    row; then rounds of JIT_ROUND s per GET row until the compilers' time (jstat -compiler,
#                    summed over their threads) grew by less than JIT_SETTLED % of a round's seconds, at most
#                    JIT_SETTLE_MAX s: on a slow day 120 s left C2 compiling through the first rows (192 s of
#                    compile time in the app's first 4.5 minutes)
#   JIT_ROUND=2 JIT_SETTLED=5 JIT_SETTLE_MAX=180
#   OPEN_LOAD=50     the open model's arrival rate, in percent of the closed model's req/s (the load client
#                    shares the 2 cores: Gatling needs more CPU per request than wrk, so 80% saturated them)
#   OPEN_WARMUP=10   seconds of the open model's load before the measured seconds
#   LARGE_ROWS="inbox page 1|liveness"  the rows measured at the scales above 1 (a regular expression)
#   ROWS_FILTER=.    the rows measured at every scale (a regular expression; e.g. "inbox page 1|liveness")
#   STREAMS=10000    event streams for bench/streams/streams.sh (capped at the seeded students)
#   STREAMS_OPEN_TIMEOUT=180  seconds the load client waits for every stream to be open (a node refuses
#                    those above otos.live.max-streams, 4,096 by default: they are reported, not waited for)
#   APP_PORT=8081 PG_PORT=(the first free from 55432) CEILING_PATH=/api/me/ PG_BIN=/usr/lib/postgresql/15/bin KEEP_TMP=1 (keep logs)
#   QUICK=1          SCALES=1 RUNS=1 DURATION=4 WARMUP=1 JIT_WARMUP=5 JIT_SETTLE_MAX=20 REPLY_WARMUP=1 OPEN_WARMUP=2, four rows, STREAMS=500
set -euo pipefail

if [[ "${QUICK:-}" == 1 ]]; then
	: "${SCALES:=1}" "${DURATION:=4}" "${WARMUP:=1}" "${JIT_WARMUP:=5}" "${JIT_SETTLE_MAX:=20}" "${REPLY_WARMUP:=1}" "${STREAMS:=500}" "${RUNS:=1}" "${OPEN_WARMUP:=2}"
	ROWS_FILTER="unread count, student|ceiling|liveness|posting a reply"
fi
SCALES="${SCALES:-${SCALE:-1}}"
BASELINE="${BASELINE:-acccc4e}"
JAVA25_SCALES="${JAVA25_SCALES-1}"
JAVA17_HOME="${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
JAVA25_HOME="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
RUNS="${RUNS:-2}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-10}"
JIT_WARMUP="${JIT_WARMUP:-90}"
JIT_ROUND="${JIT_ROUND:-2}"
JIT_SETTLED="${JIT_SETTLED:-5}"
JIT_SETTLE_MAX="${JIT_SETTLE_MAX:-180}"
REPLY_WARMUP="${REPLY_WARMUP:-10}"
OPEN_LOAD="${OPEN_LOAD:-50}"
OPEN_WARMUP="${OPEN_WARMUP:-10}"
LARGE_ROWS="${LARGE_ROWS:-inbox page 1|liveness}"
STREAMS="${STREAMS:-10000}"
STREAMS_OPEN_TIMEOUT="${STREAMS_OPEN_TIMEOUT:-180}"
APP_PORT="${APP_PORT:-8081}"
CEILING_PATH="${CEILING_PATH:-/api/me/}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT_WANTED="${PG_PORT:-}"
ROWS_FILTER="${ROWS_FILTER:-.}"
BENCH_PASSWORD="bench-password" DB_NAME="otos" DB_USER="otos" DB_PASSWORD="bench-db-password"
OBSERVER="bench_observer" # the role the bench's own queries run as, so they are not counted

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
for v in RUNS DURATION OPEN_LOAD STREAMS; do [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number"; done
for v in WARMUP JIT_WARMUP JIT_ROUND JIT_SETTLED JIT_SETTLE_MAX REPLY_WARMUP OPEN_WARMUP; do [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number of seconds"; done
for s in $SCALES; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "SCALES must hold positive whole numbers, got '$s'"; done

# ================================================================ tools
as_root() { if [[ $EUID -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi; }
missing=()
[[ -x "$PG_BIN/initdb" ]] || missing+=(postgresql)
for tool in psql:postgresql-client wrk:wrk curl:curl python3:python3 mvn:maven; do
	command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if ((${#missing[@]})); then
	log "installing ${missing[*]} with apt-get"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null \
		|| { as_root apt-get update >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null; } \
		|| die "apt-get install ${missing[*]} failed"
fi
[[ -x "$JAVA17_HOME/bin/java" ]] || die "no Java 17 in $JAVA17_HOME (set JAVA17_HOME)"
if [[ -n "$JAVA25_SCALES" && ! -x "$JAVA25_HOME/bin/java" ]]; then
	log "no Java 25 in $JAVA25_HOME: the Java 25 configuration is left out (set JAVA25_HOME)"
	JAVA25_SCALES=""
fi
# the app and the load clients need the file descriptors (10,000 streams); a container may cap the hard limit
if ! ulimit -n 65536 2>/dev/null; then
	ulimit -n "$(ulimit -Hn)"
	log "ulimit -n 65536 is not allowed here: $(ulimit -n) open files"
fi

# ================================================================ cleanup: everything started here stops on exit
TMP="$(mktemp -d /tmp/otos-bench.XXXXXX)"
chmod 755 "$TMP"
APP_PID="" JSTAT_PID="" PG_DATA="" BASELINE_TREE=""
run_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pid() { # pid: TERM, then KILL after 30 s
	[[ -n "$1" ]] && kill -0 "$1" 2>/dev/null || return 0
	kill "$1"
	for _ in $(seq 1 30); do kill -0 "$1" 2>/dev/null || return 0; sleep 1; done
	kill -9 "$1" 2>/dev/null || true
}
stop_pg() { [[ -n "$PG_DATA" ]] && run_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; PG_DATA=""; }
cleanup() {
	local rc=$?
	set +e
	stop_pid "$JSTAT_PID"
	stop_pid "$APP_PID"
	stop_pg
	[[ -n "$BASELINE_TREE" ]] && git worktree remove --force "$BASELINE_TREE" >/dev/null 2>&1
	if [[ "${KEEP_TMP:-}" == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
	((rc == 0)) || log "failed (exit $rc); KEEP_TMP=1 keeps the logs"
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ================================================================ the jars and the load client
newest_jar() { ls -t "$1"/target/otos-messaging-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1; }
build() { # dir
	log "building $1 (mvn -q -o -DskipTests -P '!install-squawk' package)"
	(cd "$1" && { mvn -q -o -DskipTests -P '!install-squawk' package || mvn -q -DskipTests -P '!install-squawk' package; }) \
		>"$TMP/build-$(basename "$1").log" 2>&1 || { tail -n 30 "$TMP/build-$(basename "$1").log" >&2; die "the build of $1 failed"; }
}
build "$ROOT" # always: a jar left from an older checkout would be measured under this commit's name
CURRENT_JAR="$(newest_jar "$ROOT")"
CURRENT_COMMIT="$(git rev-parse --short HEAD)"
[[ -z "$(git status --porcelain --untracked-files=no -- . ':(exclude)bench' 2>/dev/null)" ]] || CURRENT_COMMIT+="-dirty"
declare -A JAR=([current]="$CURRENT_JAR" [current-java25]="$CURRENT_JAR")
declare -A COMMIT=([current]="$CURRENT_COMMIT" [current-java25]="$CURRENT_COMMIT")
if [[ "$BASELINE" != none ]]; then
	BASELINE_COMMIT="$(git rev-parse --short "$BASELINE^{commit}")" || die "BASELINE=$BASELINE is not a commit here"
	BASELINE_TREE="$TMP/baseline"
	git worktree add --detach "$BASELINE_TREE" "$BASELINE_COMMIT" >/dev/null 2>&1 || die "git worktree add $BASELINE failed"
	build "$BASELINE_TREE"
	JAR[baseline]="$TMP/baseline.jar"
	cp "$(newest_jar "$BASELINE_TREE")" "${JAR[baseline]}"
	COMMIT[baseline]="$BASELINE_COMMIT"
	git worktree remove --force "$BASELINE_TREE" && BASELINE_TREE=""
fi
log "load client: compiling bench/gatling"
(cd bench/gatling && { mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test \
	|| mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test; }) \
	>"$TMP/build-gatling.log" 2>&1 || { tail -n 30 "$TMP/build-gatling.log" >&2; die "bench/gatling does not build"; }
GATLING_CP="$ROOT/bench/gatling/target/test-classes:$(cat bench/gatling/target/classpath.txt)"

DATE="$(date -u +%Y-%m-%d)"
RAW="$TMP/raw"
mkdir -p "$RAW"
{
	echo "date	$DATE"
	echo "command	SCALES=\"$SCALES\" BASELINE=$BASELINE JAVA25_SCALES=\"$JAVA25_SCALES\" RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP JIT_WARMUP=$JIT_WARMUP JIT_ROUND=$JIT_ROUND JIT_SETTLED=$JIT_SETTLED JIT_SETTLE_MAX=$JIT_SETTLE_MAX REPLY_WARMUP=$REPLY_WARMUP OPEN_LOAD=$OPEN_LOAD OPEN_WARMUP=$OPEN_WARMUP LARGE_ROWS=\"$LARGE_ROWS\" ROWS_FILTER=\"$ROWS_FILTER\" STREAMS=$STREAMS${QUICK:+ QUICK=1} bash bench/run.sh"
	echo "cpu	$(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))"
	echo "memory	$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
	echo "kernel	$(uname -sr)"
	echo "wrk	$(wrk --version 2>&1 | head -n 1 || true)"
	echo "load_before	$(cut -d' ' -f1-3 /proc/loadavg)"
	for c in "${!JAR[@]}"; do echo "commit_$c	${COMMIT[$c]} ($(basename "${JAR[$c]}"))"; done
} >"$RAW/run.tsv"

# ================================================================ helpers per scale
sql() { PGUSER="$OBSERVER" psql -X -q -t -A -d "$DB_NAME" -c "$1"; }
APP_FILTER="userid = (select oid from pg_roles where rolname = '$DB_USER') and dbid = (select oid from pg_database where datname = '$DB_NAME')"
TX_CONTROL="'^\s*(begin|commit|rollback|start transaction|end|abort)\M'"

start_pg() { # dir
	PG_PORT="${PG_PORT_WANTED:-}"
	[[ -n "$PG_PORT" ]] || for p in $(seq 55432 55532); do ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && { PG_PORT=$p; break; }; done
	[[ -n "$PG_PORT" ]] || die "no free port for PostgreSQL in 55432-55532"
	mkdir -p "$1"
	printf '%s\n' "$DB_PASSWORD" >"$1/pwfile"
	[[ $EUID -eq 0 ]] && chown -R postgres "$1"
	chmod 600 "$1/pwfile"
	run_pg "$PG_BIN/initdb" -D "$1/data" -U "$DB_USER" --pwfile="$1/pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
		>"$1/initdb.log" 2>&1 || { cat "$1/initdb.log" >&2; die "initdb failed"; }
	run_pg "$PG_BIN/pg_ctl" -D "$1/data" -l "$1/postgres.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT \
		-c unix_socket_directories=$1 -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top" \
		start >/dev/null || { cat "$1/postgres.log" >&2; die "PostgreSQL did not start"; }
	PG_DATA="$1/data"
	export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD"
	export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME" SPRING_DATASOURCE_USERNAME="$DB_USER" \
		SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" OTOS_DEMO_ENABLED=false
	psql -X -q -d postgres -c "create role $OBSERVER login superuser password '$DB_PASSWORD'" -c "create database $DB_NAME" >/dev/null
	sql 'create extension pg_stat_statements' >/dev/null
}
fresh_db() { # a copy of the seeded database, so every configuration starts from the same data
	PGUSER="$OBSERVER" psql -X -q -d postgres -c "drop database if exists $DB_NAME" -c "create database $DB_NAME template ${DB_NAME}_seed" >/dev/null \
		|| die "could not copy the seeded database"
}

BASE="http://127.0.0.1:$APP_PORT"
start_app() { # jar java_home log
	! (exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null || die "port $APP_PORT is in use (set APP_PORT)"
	"$2/bin/java" -Xmx512m -jar "$1" --server.port="$APP_PORT" >"$3" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 240); do
		kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$3" >&2; die "the app exited during start-up ($3)"; }
		curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && return 0
		sleep 1
	done
	tail -n 40 "$3" >&2
	die "the app was not UP after 240 s"
}
stop_app() { stop_pid "$APP_PID"; APP_PID=""; }
jit_seconds() { "$JAVA_HOME_NOW/bin/jstat" -compiler "$APP_PID" 2>/dev/null | awk 'NR == 2 { print $4 }'; } # compile time so far
hidden_csrf() { grep -o '<input[^>]*name="_csrf"[^>]*>' | head -n 1 | sed -n 's/.*value="\([^"]*\)".*/\1/p'; }
login() { # email -> the SESSION cookie value (the log-in form with its CSRF token, as a browser does)
	local jar="$TMP/cookies-$1.txt" csrf answer
	rm -f "$jar"
	csrf="$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | hidden_csrf)"
	[[ -n "$csrf" ]] || die "no _csrf hidden field on the log-in page"
	answer="$(curl -sS -o /dev/null -c "$jar" -b "$jar" -w '%{http_code} %{redirect_url}' --data-urlencode "username=$1" \
		--data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login")"
	[[ "$answer" == 302* && "$answer" != *error* ]] || die "log-in of $1 failed ($answer)"
	awk '$6 == "SESSION" { print $7 }' "$jar" | tail -n 1
}
heap_after_gc() { # dir: heap after a full GC (jcmd), and the process's RSS
	"$JAVA_HOME_NOW/bin/jcmd" "$APP_PID" GC.run >/dev/null 2>&1 || true
	"$JAVA_HOME_NOW/bin/jcmd" "$APP_PID" GC.heap_info >"$1/heap-info.txt" 2>&1 || true
	echo "rss_mb	$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")" >>"$1/config.tsv"
}

# one row: closed (wrk) with SQL counting, then open (Gatling) at OPEN_LOAD % of the closed req/s
measure_row() { # dir name who path
	local dir="$1" name="$2" who="$3" path="$4" lua="$TMP/$3.lua" run rps rate before warmup="$WARMUP"
	mkdir -p "$dir"
	local shown="GET $path"
	[[ "$who" == reply ]] && shown="POST /messages/thread/{id}/ (in turn over $(awk -F, '{ print NF }' <<<"$REPLY_THREAD_IDS") open threads)"
	printf 'name\t%s\nwho\t%s\npath\t%s\n' "$name" "$who" "$shown" >"$dir/row.tsv"
	"$JAVA_HOME_NOW/bin/jstat" -gc "$APP_PID" 1000 >"$dir/jstat.txt" 2>&1 &
	JSTAT_PID=$!
	[[ "$who" == reply ]] && ((warmup < REPLY_WARMUP)) && warmup="$REPLY_WARMUP"
	((warmup > 0)) && BENCH_NONCE="w$$" wrk -t2 -c16 -d"${warmup}s" -s "$lua" "$BASE$path" >/dev/null
	for run in $(seq 1 "$RUNS"); do
		[[ "$who" == reply ]] && before="$(sql 'select count(*) from otosapp_message')"
		sql 'select pg_stat_statements_reset()' >/dev/null
		BENCH_NONCE="r$$-$run" wrk -t2 -c16 -d"${DURATION}s" --latency -s "$lua" "$BASE$path" >"$dir/wrk-$run.txt"
		if [[ "$who" == reply ]]; then
			sleep 2 # the replies in flight when wrk stopped
			echo "$((before)) $(sql 'select count(*) from otosapp_message')" >"$dir/stored-$run.txt"
		fi
		sql "select coalesce(sum(calls) filter (where query !~* $TX_CONTROL), 0), coalesce(sum(calls) filter (where query ~* '^\s*(begin|start transaction)\M'), 0)
			from pg_stat_statements where $APP_FILTER" | tr '|' ' ' >"$dir/sql-$run.txt"
		sql "select lpad(calls::text, 8) || '  ' || left(regexp_replace(query, '\s+', ' ', 'g'), 160) from pg_stat_statements
			where $APP_FILTER order by calls desc limit 12" >"$dir/statements-$run.txt"
	done
	rps="$(awk '/^Requests\/sec:/ { print $2 }' "$dir"/wrk-*.txt | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
	rate="$(awk -v r="$rps" -v p="$OPEN_LOAD" 'BEGIN { printf "%.0f", (r * p / 100 < 1) ? 1 : r * p / 100 }')"
	log "$name: closed $rps req/s; open at $rate/s"
	[[ "$who" == reply ]] && before="$(sql 'select count(*) from otosapp_message')"
	"$JAVA17_HOME/bin/java" -Xms256m -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED -Dlogback.configurationFile="$ROOT/bench/gatling/src/test/resources/logback-test.xml" \
		-Dbench.baseUrl="$BASE" -Dbench.name="$name" -Dbench.path="$path" -Dbench.session="${SESSION[$who]:-}" \
		-Dbench.rate="$rate" -Dbench.duration="$DURATION" -Dbench.warmup="$OPEN_WARMUP" -Dbench.nonce="g$$-$RANDOM" \
		${REPLY_OPTS[$who]:-} -cp "$GATLING_CP" io.gatling.app.Gatling -s id.otos.bench.RowSimulation -rf "$dir/gatling" \
		>"$dir/gatling.txt" 2>&1 || log "$name: Gatling reported failures (see the errors column)"
	[[ "$who" == reply ]] && echo "$before $(sql 'select count(*) from otosapp_message')" >"$dir/stored-open.txt"
	echo "rate	$rate" >>"$dir/row.tsv"
	cp "$dir"/gatling/*/js/stats.js "$dir/gatling-stats.js" 2>/dev/null || log "$name: no Gatling report"
	rm -rf "$dir/gatling"
	stop_pid "$JSTAT_PID"
	JSTAT_PID=""
}

# ================================================================ per scale
ALL_ROWS=(
	"unread count, student|student|/api/messages/unread-count/"
	"unread count, teacher|teacher|/api/messages/unread-count/"
	"unread count, operator|operator|/api/messages/unread-count/"
	"inbox page 1, student|student|/messages/"
	"inbox page 1, teacher|teacher|/messages/"
	"thread page, student|student|/messages/thread/@THREAD@/"
	"thread page, teacher|teacher|/messages/thread/@TEACHER_THREAD@/"
	"ceiling: authenticated trivial endpoint (student)|student|$CEILING_PATH"
	"unauthenticated liveness probe|none|/actuator/health/liveness"
	"health with its database check (unauthenticated)|none|/actuator/health"
	"posting a reply (teacher)|reply|/messages/thread/@REPLY_THREAD@/"
)
for SCALE in $SCALES; do
	log "================ scale $SCALE"
	S="$RAW/scale$SCALE"
	mkdir -p "$S"
	start_pg "$TMP/pg$SCALE"
	SEED_JAR="${JAR[baseline]:-$CURRENT_JAR}"
	log "seeding: db seed --scale=$SCALE with $(basename "$SEED_JAR")"
	t0=$(date +%s)
	"$JAVA17_HOME/bin/java" -jar "$SEED_JAR" db seed --scale="$SCALE" --password="$BENCH_PASSWORD" >"$S/seed.log" 2>&1 \
		|| { tail -n 30 "$S/seed.log" >&2; die "db seed failed"; }
	sql 'vacuum analyze' >/dev/null
	STUDENTS="$(sql "select count(*) from otosapp_user where email like 'siswa%'")"
	{
		echo "seed_seconds	$(($(date +%s) - t0))"
		echo "data	$(sql 'select count(*) from otosapp_user') users ($STUDENTS students), $(sql 'select count(*) from otosapp_messagethread') threads, $(sql 'select count(*) from otosapp_message') messages"
		echo "postgres	$(sql 'show server_version')"
	} >"$S/scale.tsv"
	PGUSER="$OBSERVER" psql -X -q -d postgres -c "create database ${DB_NAME}_seed template $DB_NAME" >/dev/null

	# the users and threads (the same ids in every copy)
	STUDENT="$(sql "select u.email from otosapp_user u join otosapp_messagethread t on t.student_id = u.id where u.email like 'siswa%' order by u.email limit 1")"
	TEACHER="$(sql "select email from otosapp_user where email like 'guru%@bench.otos.test' order by email limit 1")"
	OPERATOR="operator1@bench.otos.test"
	[[ -n "$STUDENT" && -n "$TEACHER" ]] || die "no seeded student or teacher found"
	TEACHER_ID="$(sql "select id from otosapp_user where email = '$TEACHER'")"
	THREAD_ID="$(sql "select t.id from otosapp_messagethread t join otosapp_user u on u.id = t.student_id where u.email = '$STUDENT' order by t.last_activity desc limit 1")"
	TEACHER_THREAD_ID="$(sql "select id from otosapp_messagethread where teacher_or_admin_id = $TEACHER_ID order by last_activity desc limit 1")"
	REPLY_THREAD_IDS="$(sql "select id from otosapp_messagethread where teacher_or_admin_id = $TEACHER_ID and status <> 'closed' order by last_activity desc limit 200" | paste -sd, -)"
	[[ -n "$THREAD_ID" && -n "$TEACHER_THREAD_ID" && -n "$REPLY_THREAD_IDS" ]] || die "no thread of $STUDENT, or none open on the desk of $TEACHER"
	echo "users	student $STUDENT (thread $THREAD_ID), teacher $TEACHER (thread $TEACHER_THREAD_ID; replies to $(awk -F, '{ print NF }' <<<"$REPLY_THREAD_IDS") open threads on their desk), operator $OPERATOR" >>"$S/scale.tsv"

	CONFIGS=()
	[[ -n "${JAR[baseline]:-}" ]] && CONFIGS+=(baseline)
	CONFIGS+=(current)
	[[ " $JAVA25_SCALES " == *" $SCALE "* ]] && CONFIGS+=(current-java25)
	for CONFIG in "${CONFIGS[@]}"; do
		C="$S/$CONFIG"
		mkdir -p "$C"
		JAVA_HOME_NOW="$JAVA17_HOME"
		[[ "$CONFIG" == *java25 ]] && JAVA_HOME_NOW="$JAVA25_HOME"
		log "---------------- scale $SCALE, $CONFIG: $(basename "${JAR[$CONFIG]}") on $("$JAVA_HOME_NOW/bin/java" -version 2>&1 | head -n 1)"
		fresh_db
		start_app "${JAR[$CONFIG]}" "$JAVA_HOME_NOW" "$C/app.log"
		{
			echo "jar	${COMMIT[$CONFIG]} ($(basename "${JAR[$CONFIG]}"))"
			echo "java	$("$JAVA_HOME_NOW/bin/java" -version 2>&1 | sed -n 2p)"
			echo "startup	$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$C/app.log" | head -n 1 | sed 's/.* in //')"
		} >"$C/config.tsv"

		declare -A SESSION=([student]="$(login "$STUDENT")" [teacher]="$(login "$TEACHER")" [operator]="$(login "$OPERATOR")" [none]="")
		for who in student teacher operator; do [[ -n "${SESSION[$who]}" ]] || die "no SESSION cookie for the $who"; done
		SESSION[reply]="${SESSION[teacher]}"
		for who in student teacher operator none; do
			if [[ -n "${SESSION[$who]}" ]]; then printf 'wrk.headers["Cookie"] = "SESSION=%s"\n' "${SESSION[$who]}"; else echo '-- anonymous'; fi >"$TMP/$who.lua"
		done
		REPLY_CSRF="$(curl -fsS -H "Cookie: SESSION=${SESSION[teacher]}" "$BASE/messages/thread/${REPLY_THREAD_IDS%%,*}/" | hidden_csrf)"
		[[ -n "$REPLY_CSRF" ]] || die "no _csrf hidden field on the teacher's thread page"
		sed -e "s/@THREAD_IDS@/$REPLY_THREAD_IDS/" -e "s/@CSRF@/$REPLY_CSRF/" -e "s/@SESSION@/${SESSION[teacher]}/" bench/reply.lua >"$TMP/reply.lua"
		declare -A REPLY_OPTS=([reply]="-Dbench.replyThreads=$REPLY_THREAD_IDS -Dbench.csrf=$REPLY_CSRF")

		ROWS=()
		for entry in "${ALL_ROWS[@]}"; do
			[[ "${entry%%|*}" =~ $ROWS_FILTER ]] || continue
			((SCALE == 1)) || [[ "${entry%%|*}" =~ $LARGE_ROWS ]] || continue
			entry="${entry//@THREAD@/$THREAD_ID}"
			entry="${entry//@TEACHER_THREAD@/$TEACHER_THREAD_ID}"
			ROWS+=("${entry//@REPLY_THREAD@/${REPLY_THREAD_IDS%%,*}}")
		done
		# every row answers as it should before anything is measured
		for entry in "${ROWS[@]}"; do
			IFS='|' read -r name who path <<<"$entry"
			[[ "$who" == reply ]] && continue
			status="$(curl -sS -o /dev/null -w '%{http_code}' ${SESSION[$who]:+-H "Cookie: SESSION=${SESSION[$who]}"} "$BASE$path")"
			[[ "$status" == 200 ]] || die "$name: GET $path answered HTTP $status, not 200"
		done
		if ((JIT_WARMUP > 0)); then # the JIT compiles the hot paths through the first minute: every GET row gets its share first
			each=$(((JIT_WARMUP + ${#ROWS[@]} - 1) / ${#ROWS[@]}))
			log "JIT warm-up: ${each}s of each GET row"
			for entry in "${ROWS[@]}"; do
				IFS='|' read -r name who path <<<"$entry"
				[[ "$who" == reply ]] || wrk -t2 -c16 -d"${each}s" -s "$TMP/$who.lua" "$BASE$path" >/dev/null 2>&1 || true
			done
			settle_from=$SECONDS busy=""
			while ((SECONDS - settle_from < JIT_SETTLE_MAX)); do
				compiled="$(jit_seconds)" round_from=$SECONDS
				for entry in "${ROWS[@]}"; do
					IFS='|' read -r name who path <<<"$entry"
					[[ "$who" == reply ]] || wrk -t2 -c16 -d"${JIT_ROUND}s" -s "$TMP/$who.lua" "$BASE$path" >/dev/null 2>&1 || true
				done
				busy="$(awk -v a="${compiled:-0}" -v b="$(jit_seconds)" -v t=$((SECONDS - round_from)) 'BEGIN { printf "%.1f", 100 * (b - a) / (t > 0 ? t : 1) }')"
				awk -v b="$busy" -v limit="$JIT_SETTLED" 'BEGIN { exit !(b < limit) }' && break
			done
			log "JIT: compiler busy ${busy:-?}% of the last round, $((SECONDS - settle_from)) s after the warm-up; $(jit_seconds) s compiled in all"
			printf 'jit_settle_seconds\t%s\njit_busy_last_round\t%s\njit_compile_seconds\t%s\n' "$((SECONDS - settle_from))" "${busy:-?}" "$(jit_seconds)" >>"$C/config.tsv"
		fi
		i=0
		for entry in "${ROWS[@]}"; do
			IFS='|' read -r name who path <<<"$entry"
			i=$((i + 1))
			measure_row "$C/$(printf '%02d' "$i")" "$name" "$who" "$path"
		done

		admin="$(login admin1@bench.otos.test 2>/dev/null || true)"
		[[ -n "$admin" ]] && curl -fsS -H "Cookie: SESSION=$admin" "$BASE/actuator/prometheus" >"$C/prometheus.txt" 2>/dev/null || true
		heap_after_gc "$C"
		stop_app
		if [[ "$CONFIG" != *java25 ]]; then
			log "db cold-counts with $(basename "${JAR[$CONFIG]}")"
			"$JAVA17_HOME/bin/java" -jar "${JAR[$CONFIG]}" db cold-counts --after-a-message >"$C/cold-counts.txt" 2>&1 || log "db cold-counts failed (see the report)"
		fi
	done

	if [[ "$SCALE" != "${SCALES##* }" ]]; then
		log "streams: measured at the largest scale only"
	elif [[ -f bench/streams/streams.sh ]]; then
		n=$((STREAMS < STUDENTS ? STREAMS : STUDENTS))
		log "---------------- scale $SCALE, streams: $n event streams (bench/streams/streams.sh), current jar on Java 17"
		fresh_db
		JAVA_HOME_NOW="$JAVA17_HOME"
		start_app "$CURRENT_JAR" "$JAVA17_HOME" "$S/streams-app.log"
		BASE_URL="$BASE" APP_PID="$APP_PID" APP_JAR="$CURRENT_JAR" DB_URL="$SPRING_DATASOURCE_URL" DB_USER="$DB_USER" \
			DB_PASSWORD="$DB_PASSWORD" STREAMS="$n" OPEN_TIMEOUT="$STREAMS_OPEN_TIMEOUT" bash bench/streams/streams.sh "$S/streams" >"$S/streams.log" 2>&1 \
			|| log "bench/streams/streams.sh failed (see the report)"
		stop_app
	else
		log "no bench/streams/streams.sh: the streams are not measured"
	fi
	stop_pg
done
echo "load_after	$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW/run.tsv"

mkdir -p bench/results
python3 bench/report.py "$RAW" bench/results || die "bench/report.py failed"
python3 bench/chart.py --date "$DATE" || die "bench/chart.py failed"
log "wrote bench/results/$DATE-*.md, .tsv, comparison and charts"
