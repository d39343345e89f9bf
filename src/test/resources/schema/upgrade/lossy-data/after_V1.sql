insert into notes (body, archived) values ('kept', false), ('lost', true), ('lost too', true);
