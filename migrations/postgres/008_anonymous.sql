-- better-auth-entities 008_anonymous (PostgreSQL): the users' is_anonymous flag (AnonymousPlugin).
-- One statement, guarded, so the file applies whole or not at all and may be re-run.

ALTER TABLE users ADD COLUMN IF NOT EXISTS is_anonymous BOOLEAN NOT NULL DEFAULT FALSE;
