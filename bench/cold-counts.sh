#!/usr/bin/env bash
# bench/cold-counts.sh DATABASE: what an unread count costs when nothing is kept (the first count
# after a change), per role, on a database filled by `db seed`. It runs the statement
# Inbox.unreadCount sends (the desk rule of DeskQuery) for the first seeded student, teacher and
# operator under EXPLAIN ANALYZE, five times each, and prints the best execution time.
#
#     PGHOST=127.0.0.1 PGPORT=5432 PGUSER=otos PGPASSWORD=... bash bench/cold-counts.sh otos
#
# Keep the SQL below in step with Inbox.UNREAD_MESSAGES and DeskQuery if they change.
set -euo pipefail
DB="${1:?usage: bench/cold-counts.sh DATABASE (connection from PGHOST, PGPORT, PGUSER, PGPASSWORD)}"
q() { psql -X -q -d "$DB" -tAc "$1"; }
S="$(q "select id from otosapp_user where email like 'siswa%@bench.otos.test' order by email limit 1")"
T="$(q "select id from otosapp_user where email like 'guru%@bench.otos.test' order by email limit 1")"
O="$(q "select id from otosapp_user where email = 'operator1@bench.otos.test'")"
[[ -n "$S" && -n "$T" && -n "$O" ]] || { echo "no seeded student, teacher or operator in $DB" >&2; exit 1; }
C="$(q "select coalesce(string_agg(category_id::text, ','), '-1') from otosapp_category_teachers where user_id = $T")"
echo "$DB: $(q 'select count(*) from otosapp_messagethread') threads, $(q 'select count(*) from otosapp_message') messages"
for entry in "student|t.student_id = $S|$S" \
	"teacher|(t.teacher_or_admin_id = $T or (t.teacher_or_admin_id is null and t.thread_type = 'academic' and t.category_id in ($C)))|$T" \
	"operator|(t.teacher_or_admin_id = $O or (t.teacher_or_admin_id is null and t.thread_type <> 'academic'))|$O"; do
	IFS='|' read -r name desk me <<<"$entry"
	sql="select count(*) from otosapp_message m join otosapp_messagethread t on t.id = m.thread_id
		left join otos_thread_read r on r.thread_id = t.id and r.user_id = $me
		where $desk and m.sender_id <> $me and m.id > coalesce(r.last_read_message_id, 0)"
	count="$(q "$sql")"
	best=""
	for _ in 1 2 3 4 5; do
		ms="$(q "explain (analyze, format text) $sql" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p')"
		if [[ -z "$best" ]] || awk -v a="$ms" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$ms"; fi
	done
	printf '%-8s unread %7s   best of 5: %8s ms\n' "$name" "$count" "$best"
done
