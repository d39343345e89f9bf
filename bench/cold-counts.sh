#!/usr/bin/env bash
# bench/cold-counts.sh: what an unread count costs when nothing is kept (the first count after a
# change), per role, on a database filled by `db seed`. It runs the application's own `db cold-counts`
# (Inbox.unreadCount with the desk rule of DeskQuery: no copy of the SQL here) for the first seeded
# student, teacher, operator and admin, five times each, and prints the count and the best time (one JDBC
# round trip each). Build the jar first (`mvn -q -DskipTests package`).
#
#     SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/otos SPRING_DATASOURCE_USERNAME=otos \
#         SPRING_DATASOURCE_PASSWORD=... bash bench/cold-counts.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$(ls target/otos-messaging-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)"
[[ -n "$jar" ]] || { echo "no jar in target/: run mvn -q -DskipTests package first" >&2; exit 1; }
exec java -jar "$jar" db cold-counts "$@"
