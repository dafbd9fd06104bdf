-- better-auth-entities 008_anonymous (MySQL/MariaDB): the users' is_anonymous flag (AnonymousPlugin).
-- One statement (MySQL 8 has no ADD COLUMN IF NOT EXISTS): a single DDL statement lands whole or not at all.

ALTER TABLE users ADD COLUMN is_anonymous TINYINT NOT NULL DEFAULT 0;
