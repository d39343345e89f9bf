-- Data a database holds at V1: users of several roles, categories, and teachers assigned to
-- them. Every later migration must keep these rows (the upgrade test counts them per table).
-- Plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL alike.

insert into otosapp_user (password, last_login, is_superuser, username, first_name, last_name, email, is_staff,
        is_active, date_joined, phone_number, role_id, profile_picture, email_verified_at, updated_at)
values
    ('pbkdf2_sha256$870000$upgradesalt1$dGVzdA==', null, false, 'upgrade_siswa', 'Siti', 'Aminah',
        'upgrade_siswa@otos.test', false, true, timestamp with time zone '2024-01-15 08:00:00+07:00', '081200000001',
        (select id from otosapp_role where role_name = 'Student'), null, null,
        timestamp with time zone '2024-01-15 08:00:00+07:00'),
    ('pbkdf2_sha256$870000$upgradesalt2$dGVzdA==', timestamp with time zone '2024-02-01 09:30:00+07:00', false,
        'upgrade_guru', 'Bambang', 'Susilo', 'upgrade_guru@otos.test', true, true,
        timestamp with time zone '2024-01-10 08:00:00+07:00', null,
        (select id from otosapp_role where role_name = 'Teacher'), 'profile_pictures/guru.png',
        timestamp with time zone '2024-01-11 08:00:00+07:00', timestamp with time zone '2024-01-11 08:00:00+07:00'),
    ('pbkdf2_sha256$870000$upgradesalt3$dGVzdA==', null, true, 'upgrade_admin', 'Admin', 'Lama',
        'upgrade_admin@otos.test', true, true, timestamp with time zone '2023-12-01 08:00:00+07:00', null,
        (select id from otosapp_role where role_name = 'Admin'), null, null,
        timestamp with time zone '2023-12-01 08:00:00+07:00'),
    ('pbkdf2_sha256$870000$upgradesalt4$dGVzdA==', null, false, 'upgrade_tanpa_peran', 'Tanpa', 'Peran',
        'upgrade_tanpa_peran@otos.test', false, false, timestamp with time zone '2023-11-01 08:00:00+07:00', null,
        null, null, null, timestamp with time zone '2023-11-01 08:00:00+07:00');

-- (The picture's bytes differ between the two databases: H2 reads the string as hex, PostgreSQL
-- as text. Either way a non-empty bytea, which is all the upgrade test needs.)
insert into otos_profile_picture (user_id, content_type, content, updated_at)
values ((select id from otosapp_user where username = 'upgrade_guru'), 'image/png', cast('89504e47' as bytea),
        timestamp with time zone '2024-01-11 08:00:00+07:00');

insert into otosapp_category (category_name, created_at)
values ('Upgrade Matematika', timestamp with time zone '2024-01-01 00:00:00+07:00'),
       ('Upgrade Biologi', timestamp with time zone '2024-01-02 00:00:00+07:00');

insert into otosapp_category_teachers (category_id, user_id)
values ((select id from otosapp_category where category_name = 'Upgrade Matematika'),
        (select id from otosapp_user where username = 'upgrade_guru')),
       ((select id from otosapp_category where category_name = 'Upgrade Biologi'),
        (select id from otosapp_user where username = 'upgrade_guru'));
