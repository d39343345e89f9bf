-- Data a database holds at V4: one person who turned digests off (in English), the record of a
-- digest, and that digest in the outbox (sent) beside one still waiting for the mail server.
-- Every later migration must keep these rows.

insert into otos_notification_settings (user_id, email_digest, locale, updated_at)
select id, false, 'en', timestamp with time zone '2024-03-02 08:00:00+07:00'
from otosapp_user where username = 'upgrade_guru';

insert into otos_digest_state (user_id, last_message_id, last_audit_id, last_digest_at)
select id, (select max(id) from otosapp_message), 0, timestamp with time zone '2024-03-01 09:15:00+07:00'
from otosapp_user where username = 'upgrade_siswa';

insert into otos_mail_outbox (recipient_id, recipient_email, locale, subject, body, message_id, status, attempts,
        next_attempt_at, last_error, created_at, sent_at)
select id, email, 'id', 'otos: 1 pesan belum dibaca', 'Soal integral: 1 pesan baru', '<digest-upgrade-1@otos>',
        'sent', 1, timestamp with time zone '2024-03-01 09:15:00+07:00', null,
        timestamp with time zone '2024-03-01 09:15:00+07:00', timestamp with time zone '2024-03-01 09:15:05+07:00'
from otosapp_user where username = 'upgrade_siswa';

insert into otos_mail_outbox (recipient_id, recipient_email, locale, subject, body, message_id, status, attempts,
        next_attempt_at, last_error, created_at, sent_at)
select id, email, 'id', 'otos: 2 pesan belum dibaca', 'Soal integral: 2 pesan baru', '<digest-upgrade-2@otos>',
        'pending', 3, timestamp with time zone '2024-03-01 10:00:00+07:00', 'Connection refused',
        timestamp with time zone '2024-03-01 09:30:00+07:00', null
from otosapp_user where username = 'upgrade_siswa';
