-- better-auth-entities 001_initial (PostgreSQL): users, sessions, accounts, verifications.
-- Column types, nullability, defaults and constraints are those of the better-auth-rs schema, so a database
-- created by it keeps working. Constraint and index names are the ones TypeORM's default naming strategy gives
-- the built-in entity classes (PK_/UQ_/IDX_/FK_ + a hash of table and columns), so TypeORM's schema diff and
-- its unique-violation errors line up with what the entity classes declare; each is annotated below.
-- Every statement is idempotent: the file may be re-run after a partial failure.

CREATE TABLE IF NOT EXISTS users (
    id TEXT NOT NULL,
    name TEXT,
    email TEXT,
    email_verified BOOLEAN NOT NULL DEFAULT FALSE,
    image TEXT,
    username TEXT,
    display_username TEXT,
    two_factor_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    role TEXT,
    banned BOOLEAN NOT NULL DEFAULT FALSE,
    ban_reason TEXT,
    ban_expires TIMESTAMPTZ,
    metadata JSONB NOT NULL DEFAULT '{}',
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY (id),
    CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE (email),    -- users(email)
    CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE (username)  -- users(username)
);

CREATE TABLE IF NOT EXISTS sessions (
    id TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    token TEXT NOT NULL,
    ip_address TEXT,
    user_agent TEXT,
    user_id TEXT NOT NULL,
    impersonated_by TEXT,
    active_organization_id TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY (id),
    CONSTRAINT "UQ_e9f62f5dcb8a54b84234c9e7a06" UNIQUE (token),    -- sessions(token)
    CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
);

CREATE TABLE IF NOT EXISTS accounts (
    id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    access_token TEXT,
    refresh_token TEXT,
    id_token TEXT,
    access_token_expires_at TIMESTAMPTZ,
    refresh_token_expires_at TIMESTAMPTZ,
    scope TEXT,
    password TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY (id),
    CONSTRAINT "FK_3000dad1da61b29953f07476324" FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
);

CREATE TABLE IF NOT EXISTS verifications (
    id TEXT NOT NULL,
    identifier TEXT NOT NULL,
    value TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT "PK_2127ad1b143cf012280390b01d1" PRIMARY KEY (id)
);

-- One credential per provider account; a unique index, as the entity class declares it (@Index unique).
CREATE UNIQUE INDEX IF NOT EXISTS "IDX_b5cfc47b024d4703ef783ee2f4" ON accounts (provider_id, account_id);
-- Lookups on the request path (listForUser, deleteForUser, getByIdentifier) and ON DELETE CASCADE from users
-- would otherwise scan these tables.
CREATE INDEX IF NOT EXISTS "IDX_085d540d9f418cfbdc7bd55bb1" ON sessions (user_id);
CREATE INDEX IF NOT EXISTS "IDX_3000dad1da61b29953f0747632" ON accounts (user_id);
CREATE INDEX IF NOT EXISTS "IDX_b1d33a8992164b361ad932e899" ON verifications (identifier);
