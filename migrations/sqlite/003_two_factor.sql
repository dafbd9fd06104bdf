-- better-auth-entities 003_two_factor (SQLite): the two-factor plugin's table (TwoFactorPlugin).
-- Default names (constraints named as TypeORM names them, like 001 and 002); apps that rename the table or its
-- columns (TwoFactorPlugin schema option) write `generate`'s output instead.

CREATE TABLE IF NOT EXISTS "two_factor" (
    "id" varchar(255) PRIMARY KEY NOT NULL,
    "secret" text NOT NULL,
    "backup_codes" text NOT NULL,
    "user_id" varchar(255) NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT (1),
    "failed_verification_count" real NOT NULL DEFAULT 0,
    "locked_until" datetime(6),
    "last_totp_step" real,
    CONSTRAINT "FK_162c7f53b41b84102a8e06eff18" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "IDX_162c7f53b41b84102a8e06eff1" ON "two_factor" ("user_id");
