-- better-auth-entities 004_account_failures (SQLite): the engine's per-account failure counters
-- (src/core/account-failure-limit.ts): wrong passwords and codes counted per account, before each check.
-- Constraints named as TypeORM names them, like 001 to 003.

CREATE TABLE IF NOT EXISTS "account_failures" (
    "id" varchar(255) PRIMARY KEY NOT NULL,
    "key" varchar(255) NOT NULL,
    "count" real NOT NULL DEFAULT 0,
    "last_failure" real NOT NULL,
    CONSTRAINT "UQ_d48de20633a62efa7cd06df4f11" UNIQUE ("key")
);
