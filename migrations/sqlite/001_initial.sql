-- better-auth-entities 001_initial (SQLite): users, sessions, accounts, verifications.
-- SQLite only knows type affinities; the declared names (varchar(255), text, boolean, datetime(6)) are the ones
-- TypeORM declares for the built-in entity classes, so its schema diff stays quiet. Dates are stored as TypeORM
-- writes them ('YYYY-MM-DD HH:MM:SS.SSS', UTC), booleans as 0/1, metadata as JSON text.
-- Constraint and index names are TypeORM's defaults for those classes (see postgres/001_initial.sql).
-- Foreign keys are enforced only with PRAGMA foreign_keys = ON (TypeORM turns it on for its connections).
-- Every statement is idempotent: the file may be re-run after a partial failure.

CREATE TABLE IF NOT EXISTS users (
    id varchar(255) PRIMARY KEY NOT NULL,
    name varchar(255),
    email varchar(255),
    email_verified boolean NOT NULL DEFAULT (0),
    image text,
    username varchar(255),
    display_username varchar(255),
    two_factor_enabled boolean NOT NULL DEFAULT (0),
    role varchar(255),
    banned boolean NOT NULL DEFAULT (0),
    ban_reason text,
    ban_expires datetime(6),
    metadata text NOT NULL DEFAULT ('{}'),
    created_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    updated_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"),    -- users(email)
    CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username")  -- users(username)
);

CREATE TABLE IF NOT EXISTS sessions (
    id varchar(255) PRIMARY KEY NOT NULL,
    expires_at datetime(6) NOT NULL,
    token varchar(255) NOT NULL,
    ip_address varchar(255),
    user_agent text,
    user_id varchar(255) NOT NULL,
    impersonated_by varchar(255),
    active_organization_id varchar(255),
    active boolean NOT NULL DEFAULT (1),
    created_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    updated_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    CONSTRAINT "UQ_e9f62f5dcb8a54b84234c9e7a06" UNIQUE ("token"),    -- sessions(token)
    CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
);

CREATE TABLE IF NOT EXISTS accounts (
    id varchar(255) PRIMARY KEY NOT NULL,
    account_id varchar(255) NOT NULL,
    provider_id varchar(255) NOT NULL,
    user_id varchar(255) NOT NULL,
    access_token text,
    refresh_token text,
    id_token text,
    access_token_expires_at datetime(6),
    refresh_token_expires_at datetime(6),
    scope text,
    password text,
    created_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    updated_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    CONSTRAINT "FK_3000dad1da61b29953f07476324" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
);

CREATE TABLE IF NOT EXISTS verifications (
    id varchar(255) PRIMARY KEY NOT NULL,
    identifier varchar(255) NOT NULL,
    value text NOT NULL,
    expires_at datetime(6) NOT NULL,
    created_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    updated_at datetime(6) NOT NULL DEFAULT (datetime('now'))
);

-- One credential per provider account.
CREATE UNIQUE INDEX IF NOT EXISTS "IDX_b5cfc47b024d4703ef783ee2f4" ON accounts (provider_id, account_id);
-- Lookups on the request path (listForUser, deleteForUser, getByIdentifier) and ON DELETE CASCADE from users
-- would otherwise scan these tables.
CREATE INDEX IF NOT EXISTS "IDX_085d540d9f418cfbdc7bd55bb1" ON sessions (user_id);
CREATE INDEX IF NOT EXISTS "IDX_3000dad1da61b29953f0747632" ON accounts (user_id);
CREATE INDEX IF NOT EXISTS "IDX_b1d33a8992164b361ad932e899" ON verifications (identifier);
