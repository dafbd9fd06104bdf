-- better-auth-entities 003_two_factor (PostgreSQL): the two-factor plugin's table (TwoFactorPlugin).
-- Default names (constraints named as TypeORM names them, like 001 and 002); apps that rename the table or its
-- columns (TwoFactorPlugin schema option) write `generate`'s output instead.

CREATE TABLE IF NOT EXISTS "two_factor" (
    "id" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "backup_codes" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT TRUE,
    "failed_verification_count" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ,
    "last_totp_step" DOUBLE PRECISION,
    CONSTRAINT "PK_d9e707ebc943c110fcaab7cdd8c" PRIMARY KEY ("id"),
    CONSTRAINT "FK_162c7f53b41b84102a8e06eff18" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "IDX_162c7f53b41b84102a8e06eff1" ON "two_factor" ("user_id");
