#!/usr/bin/env bash
# The live-updates load of the benchmark (issue 15, item 1): STREAMS event streams of STREAMS
# different logged-in students held open on one node, replies posted by an admin to a sample of
# their threads, commit-to-arrival latency, heap after GC and RSS while every stream is open.
#
#   BASE_URL=http://127.0.0.1:8092 APP_PID=<pid> APP_JAR=target/otos-messaging-*.jar \
#   DB_URL=jdbc:postgresql://127.0.0.1:55442/ten DB_USER=postgres DB_PASSWORD=x \
#   STREAMS=10000 [SIGNALS=300] [SIGNAL_SECONDS=30] [OPEN_TIMEOUT=600] bash bench/streams/streams.sh <out-prefix>
#
# Writes <out-prefix>.tsv (key<TAB>value: streams_opened, streams_dropped, signals_sent,
# signals_received, p50_ms, p99_ms, max_ms, heap_after_gc_mb, rss_mb, ...) and <out-prefix>.md.
# The sessions are minted by the app's own `db sessions` command (seeded accounts only), on a
# database filled by `db seed` with at least STREAMS students. The app needs `ulimit -n` above
# STREAMS and otos.live.max-streams / server.tomcat.max-connections that admit them (README,
# "Live updates"). Exits 0 when no stream was dropped and every signal arrived.
set -euo pipefail
out=${1:?usage: streams.sh <out-prefix>}
: "${BASE_URL:?}" "${APP_PID:?}" "${APP_JAR:?}" "${DB_URL:?}" "${DB_USER:?}" "${DB_PASSWORD?}"
STREAMS=${STREAMS:-10000}
SIGNALS=${SIGNALS:-300}
SECONDS_OF_SIGNALS=${SIGNAL_SECONDS:-30} # not SECONDS: bash counts the seconds since it started in that one
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=(--spring.datasource.url="$DB_URL" --spring.datasource.username="$DB_USER" --spring.datasource.password="$DB_PASSWORD")
java -jar $APP_JAR db sessions --count="$STREAMS" "${db[@]}" > "$work/students.tsv"
java -jar $APP_JAR db sessions --count=1 --role=admin "${db[@]}" > "$work/admin.tsv"
ulimit -n "$(ulimit -Hn)"
java -Xmx1g -Xss256k "$here/StreamLoad.java" --base="$BASE_URL" --sessions="$work/students.tsv" \
  --admin="$work/admin.tsv" --signals="$SIGNALS" --seconds="$SECONDS_OF_SIGNALS" --pid="$APP_PID" \
  --out="$out" --open-timeout="${OPEN_TIMEOUT:-600}" ${HOLD:+--hold=$HOLD}
