-- better-auth-entities 004_account_failures (PostgreSQL): the engine's per-account failure counters
-- (src/core/account-failure-limit.ts): wrong passwords and codes counted per account, before each check.
-- Constraints named as TypeORM names them, like 001 to 003.

CREATE TABLE IF NOT EXISTS "account_failures" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "last_failure" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "PK_4070db611a38f3bc2a68d3c7cbb" PRIMARY KEY ("id"),
    CONSTRAINT "UQ_d48de20633a62efa7cd06df4f11" UNIQUE ("key")
);
