-- Data a database holds at V2: a thread with messages, a read position, an audit entry and an
-- attachment, by the people of after_V1.sql. Every later migration must keep these rows.

insert into otosapp_messagethread (title, thread_type, status, created_at, updated_at, last_activity, priority,
        category_id, student_id, teacher_or_admin_id, created_by_id, version)
select 'Soal integral', 'academic', 'open', timestamp with time zone '2024-03-01 08:00:00+07:00',
        timestamp with time zone '2024-03-01 09:00:00+07:00', timestamp with time zone '2024-03-01 09:00:00+07:00',
        'normal', c.id, s.id, g.id, s.id, 0
from otosapp_category c, otosapp_user s, otosapp_user g
where c.id = (select min(id) from otosapp_category) and s.username = 'upgrade_siswa' and g.username = 'upgrade_guru';

insert into otosapp_message (thread_id, sender_id, content, attachment, is_read, is_edited, created_at, updated_at)
values ((select max(id) from otosapp_messagethread), (select id from otosapp_user where username = 'upgrade_siswa'),
        'Bagaimana cara menghitung integral?', null, true, false,
        timestamp with time zone '2024-03-01 08:00:00+07:00', timestamp with time zone '2024-03-01 08:00:00+07:00'),
       ((select max(id) from otosapp_messagethread), (select id from otosapp_user where username = 'upgrade_guru'),
        'Gunakan aturan pangkat.', 'message_attachments/2/rumus.pdf', false, false,
        timestamp with time zone '2024-03-01 09:00:00+07:00', timestamp with time zone '2024-03-01 09:00:00+07:00');

insert into otos_message_attachment (message_id, file_name, content_type, size_bytes, sha256, content)
values ((select max(id) from otosapp_message), 'rumus.pdf', 'application/pdf', 4,
        '0000000000000000000000000000000000000000000000000000000000000000', cast('25504446' as bytea));

insert into otos_thread_read (thread_id, user_id, last_read_message_id, read_at)
values ((select max(id) from otosapp_messagethread), (select id from otosapp_user where username = 'upgrade_guru'),
        (select min(id) from otosapp_message), timestamp with time zone '2024-03-01 09:00:00+07:00');

insert into otos_thread_audit (thread_id, actor_id, action, from_value, to_value, note, created_at)
values ((select max(id) from otosapp_messagethread), (select id from otosapp_user where username = 'upgrade_guru'),
        'assignment', null, cast((select id from otosapp_user where username = 'upgrade_guru') as varchar(20)),
        'first reply', timestamp with time zone '2024-03-01 09:00:00+07:00');
