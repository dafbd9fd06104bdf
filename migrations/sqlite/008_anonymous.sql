-- better-auth-entities 008_anonymous (SQLite): the users' is_anonymous flag (AnonymousPlugin).
-- SQLite has no ADD COLUMN IF NOT EXISTS: the file is this one statement, run in the file's transaction with its
-- version record, so it is applied once or not at all.

ALTER TABLE users ADD COLUMN is_anonymous boolean NOT NULL DEFAULT (0);
