-- better-auth-entities 001_initial (MySQL 8.0.13+ / MariaDB 10.2+): users, sessions, accounts, verifications.
-- Indexed and unique strings are VARCHAR(255) (InnoDB cannot index TEXT without a prefix); dates are DATETIME(6),
-- which keeps JavaScript's milliseconds; booleans are TINYINT 0/1. Those are the types TypeORM declares for the
-- entity classes (BOOLEAN would be TINYINT(1), a different type to its schema diff). utf8mb4_bin keeps
-- comparisons exact, as in PostgreSQL and SQLite (the engine stores emails normalised, and a case-insensitive
-- collation would make ids and tokens match their case variants).
-- Constraint and index names are TypeORM's defaults for the entity classes (see postgres/001_initial.sql).
-- Indexes are declared inside CREATE TABLE because MySQL has no CREATE INDEX IF NOT EXISTS.
-- DDL auto-commits in MySQL: each statement is idempotent so a partially applied file can simply be re-run.

CREATE TABLE IF NOT EXISTS users (
    id VARCHAR(255) NOT NULL,
    name VARCHAR(255) NULL,
    email VARCHAR(255) NULL,
    email_verified TINYINT NOT NULL DEFAULT 0,
    image TEXT NULL,
    username VARCHAR(255) NULL,
    display_username VARCHAR(255) NULL,
    two_factor_enabled TINYINT NOT NULL DEFAULT 0,
    role VARCHAR(255) NULL,
    banned TINYINT NOT NULL DEFAULT 0,
    ban_reason TEXT NULL,
    ban_expires DATETIME(6) NULL,
    metadata TEXT NOT NULL DEFAULT ('{}'),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY `IDX_97672ac88f789774dd47f7c8be` (email),    -- users(email)
    UNIQUE KEY `IDX_fe0bb3f6520ee0469504521e71` (username)  -- users(username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS sessions (
    id VARCHAR(255) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    token VARCHAR(255) NOT NULL,
    ip_address VARCHAR(255) NULL,
    user_agent TEXT NULL,
    user_id VARCHAR(255) NOT NULL,
    impersonated_by VARCHAR(255) NULL,
    active_organization_id VARCHAR(255) NULL,
    active TINYINT NOT NULL DEFAULT 1,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY `IDX_e9f62f5dcb8a54b84234c9e7a0` (token),    -- sessions(token)
    KEY `IDX_085d540d9f418cfbdc7bd55bb1` (user_id),         -- sessions(user_id): listForUser, deleteForUser
    CONSTRAINT `FK_085d540d9f418cfbdc7bd55bb19` FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS accounts (
    id VARCHAR(255) NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    provider_id VARCHAR(255) NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    access_token TEXT NULL,
    refresh_token TEXT NULL,
    id_token TEXT NULL,
    access_token_expires_at DATETIME(6) NULL,
    refresh_token_expires_at DATETIME(6) NULL,
    scope TEXT NULL,
    password TEXT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY `IDX_b5cfc47b024d4703ef783ee2f4` (provider_id, account_id),
    KEY `IDX_3000dad1da61b29953f0747632` (user_id),         -- accounts(user_id)
    CONSTRAINT `FK_3000dad1da61b29953f07476324` FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS verifications (
    id VARCHAR(255) NOT NULL,
    identifier VARCHAR(255) NOT NULL,
    value TEXT NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY `IDX_b1d33a8992164b361ad932e899` (identifier)       -- verifications(identifier)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
