#!/usr/bin/env bash
# bench/profile.sh: CPU profiles (async-profiler) of benchmark rows, with the app's CPU cost per request.
#
# Reproduce one profile (the database seeded by `db seed --scale=1 --password=$BENCH_PASSWORD`, no app running):
#   JAR=target/otos-messaging-0.1.0-SNAPSHOT.jar LABEL=current ROWS="unread-count-student" \
#   PG_URL=jdbc:postgresql://127.0.0.1:55445/one PGUSER=postgres PGPASSWORD=x bash bench/profile.sh
# ROWS: any of unread-count-student liveness-probe inbox-teacher inbox-student reply-teacher (default: all five, in this
# order: reply-teacher last, since its replies change the data). Per row: WARM (70) s of wrk -t2 -c16 for the JIT, then MEASURE (20) s without the
# profiler (req/s, the app's CPU ms per request from /proc/<pid>/stat), then SAMPLE (20) s under async-profiler
# (EVENT cpu, 1 ms). Writes $OUT/$DATE-<row>-$LABEL.txt (bench/profile-summary.py) and, for reply-teacher,
# $OUT/$DATE-reply-teacher-$LABEL-wal.txt: commits, WAL syncs and their time, statements by time, in MEASURE.
# KEEP: a directory to keep the collapsed stacks in (tens of MB each). AP_LIB: libasyncProfiler.so (default: unpacked from the Maven artifact tools.profiler:async-profiler:4.1).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAR:?JAR=the application jar}" "${PG_URL:?PG_URL=jdbc:postgresql://host:port/db}" "${LABEL:?LABEL=current|baseline}"
ROWS="${ROWS:-unread-count-student liveness-probe inbox-teacher inbox-student reply-teacher}"
WARM="${WARM:-70}" MEASURE="${MEASURE:-20}" SAMPLE="${SAMPLE:-20}" EVENT="${EVENT:-cpu}" APP_PORT="${APP_PORT:-8096}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}" BENCH_PASSWORD="${BENCH_PASSWORD:-bench-password}"
OUT="${OUT:-bench/results/profiles}" DATE="$(date -u +%F)" BASE="http://127.0.0.1:${APP_PORT}" WORK="$(mktemp -d)"
if [[ -z "${AP_LIB:-}" ]]; then
	AP_LIB="$WORK/libasyncProfiler.so"
	[[ -f "$HOME/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1.jar" ]] \
		|| mvn -q dependency:get -Dartifact=tools.profiler:async-profiler:4.1
	unzip -q -p "$HOME/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1.jar" linux-x64/libasyncProfiler.so >"$AP_LIB"
fi
export PGHOST="${PG_URL#jdbc:postgresql://}" PGDATABASE="${PG_URL##*/}"
PGHOST="${PGHOST%%/*}" && export PGPORT="${PGHOST##*:}" PGHOST="${PGHOST%%:*}"
sql() { psql -X -q -t -A -c "$1"; }

"$JAVA_HOME/bin/java" -Xmx512m -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar "$JAR" --server.port="$APP_PORT" \
	--spring.datasource.url="$PG_URL" --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}" \
	>"$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 180); do curl -fsS "$BASE/actuator/health/liveness" >/dev/null 2>&1 && break; sleep 1; done
login() { # email -> SESSION cookie value, through the log-in form as bench/run.sh does
	local jar="$WORK/cookies-$1" csrf
	csrf="$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -n 1)"
	curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=$BENCH_PASSWORD" \
		--data-urlencode "_csrf=$csrf" "$BASE/login"
	awk '$6 == "SESSION" { print $7 }' "$jar" | tail -n 1
}
STUDENT="$(sql "select u.email from otosapp_user u join otosapp_messagethread t on t.student_id = u.id where u.email like 'siswa%' order by u.email limit 1")"
TEACHER="$(sql "select email from otosapp_user where email like 'guru%@bench.otos.test' order by email limit 1")"
THREADS="$(sql "select t.id from otosapp_messagethread t join otosapp_user u on u.id = t.teacher_or_admin_id where u.email = '$TEACHER'
	and t.status <> 'closed' order by t.last_activity desc limit 200" | paste -sd, -)"
declare -A SESSION=([student]="$(login "$STUDENT")" [teacher]="$(login "$TEACHER")")
printf 'wrk.headers["Cookie"] = "SESSION=%s"\n' "${SESSION[student]}" >"$WORK/student.lua"
printf 'wrk.headers["Cookie"] = "SESSION=%s"\n' "${SESSION[teacher]}" >"$WORK/teacher.lua"
echo '-- anonymous' >"$WORK/none.lua"
CSRF="$(curl -fsS -H "Cookie: SESSION=${SESSION[teacher]}" "$BASE/messages/thread/${THREADS%%,*}/" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -n 1)"
sed -e "s/@THREAD_IDS@/$THREADS/" -e "s/@CSRF@/$CSRF/" -e "s/@SESSION@/${SESSION[teacher]}/" bench/reply.lua >"$WORK/reply.lua"
declare -A LUA=([unread-count-student]=student [liveness-probe]=none [inbox-teacher]=teacher [inbox-student]=student [reply-teacher]=reply)
declare -A URL=([unread-count-student]=/api/messages/unread-count/ [liveness-probe]=/actuator/health/liveness [inbox-teacher]=/messages/
	[inbox-student]=/messages/ [reply-teacher]="/messages/thread/${THREADS%%,*}/")
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
wal() { sql "select (select xact_commit from pg_stat_database where datname = current_database()), wal_records, wal_sync,
	round(wal_sync_time::numeric, 1), wal_write from pg_stat_wal" | tr '|' ' '; }

for row in $ROWS; do
	lua="$WORK/${LUA[$row]}.lua" url="$BASE${URL[$row]}"
	BENCH_NONCE="w$$" wrk -t2 -c16 -d"${WARM}s" -s "$lua" "$url" >"$WORK/warm.txt"
	[[ "$row" == reply-teacher ]] && { sql 'select pg_stat_statements_reset()' >/dev/null; read -r -a w0 <<<"$(wal)"; }
	t0="$(cpu_ticks)" load0="$(uptime)"
	BENCH_NONCE="m$$" wrk -t2 -c16 -d"${MEASURE}s" --latency -s "$lua" "$url" >"$WORK/measure.txt"
	t1="$(cpu_ticks)"
	requests="$(awk '/requests in/ { print $1 }' "$WORK/measure.txt")" rps="$(awk '/^Requests\/sec/ { print $2 }' "$WORK/measure.txt")"
	if [[ "$row" == reply-teacher ]]; then
		read -r -a w1 <<<"$(wal)"
		{
			echo "# $MEASURE s of wrk -t2 -c16 replies (no profiler), $LABEL jar built from $(git -C "$(dirname "$JAR")/.." rev-parse --short HEAD 2>/dev/null || echo '?')"
			grep -E 'Requests/sec|99%|replies:' "$WORK/measure.txt"
			echo "commits $((w1[0] - w0[0])), WAL records $((w1[1] - w0[1])), WAL syncs $((w1[2] - w0[2])), WAL writes $((w1[4] - w0[4])), WAL sync time $(awk -v a="${w0[3]}" -v b="${w1[3]}" 'BEGIN { printf "%.1f", b - a }') ms"
			echo "# statements by total execution time: calls, total ms, mean ms, query"
			sql "select calls, round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 3), left(regexp_replace(query, '\s+', ' ', 'g'), 140)
				from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) order by total_exec_time desc limit 12"
		} >"$OUT/$DATE-$row-$LABEL-wal.txt"
	fi
	"$JAVA_HOME/bin/jcmd" "$APP_PID" JVMTI.agent_load "$AP_LIB" "\"start,event=$EVENT,interval=1ms\"" >/dev/null
	BENCH_NONCE="p$$" wrk -t2 -c16 -d"${SAMPLE}s" -s "$lua" "$url" >"$WORK/sample.txt"
	"$JAVA_HOME/bin/jcmd" "$APP_PID" JVMTI.agent_load "$AP_LIB" "\"stop,file=$WORK/$row.collapsed,collapsed\"" >/dev/null
	{
		echo "# async-profiler 4.1 (tools.profiler:async-profiler:4.1), event $EVENT, 1 ms interval, $SAMPLE s of wrk -t2 -c16 after $((WARM + MEASURE)) s of the same load, -Xmx512m, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
		echo "# jar: $LABEL, $(basename "$JAR") built from $(git -C "$(dirname "$JAR")/.." rev-parse --short HEAD 2>/dev/null || echo '?'); app on $PG_URL ($(sql "select count(*) from otosapp_messagethread") threads)"
		echo "# row: ${URL[$row]} as ${LUA[$row]}; machine: $(nproc) cores, wrk on the same cores"
		echo "# during the profile: $(awk '/^Requests\/sec/ { print $2 }' "$WORK/sample.txt") req/s; without the profiler ($MEASURE s just before): $rps req/s, $requests requests,"
		echo "#   app CPU $(awk -v t="$((t1 - t0))" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", t / hz * 1000 / n }') ms per request, p99 $(awk '$1 == "99%" { print $2 }' "$WORK/measure.txt")"
		echo "# uptime before: ${load0#*load average: }; after: $(uptime | sed 's/.*load average: //')"
	} >"$WORK/header.txt"
	python3 bench/profile-summary.py "$WORK/$row.collapsed" "$WORK/header.txt" >"$OUT/$DATE-$row-$LABEL.txt"
	[[ -n "${KEEP:-}" ]] && mkdir -p "$KEEP" && cp "$WORK/$row.collapsed" "$KEEP/$row-$LABEL.collapsed"
	echo "$row ($LABEL): $rps req/s, $(sed -n 5p "$WORK/header.txt")"
done
