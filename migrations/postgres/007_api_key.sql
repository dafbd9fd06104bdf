-- better-auth-entities 007_api_key (PostgreSQL): -- the API-key plugin's table (ApiKeyPlugin). One row per key: `key` holds a keyed
-- digest (HMAC under the auth secret), never the key; `start` its first characters for display. `request_window`
-- numbers the fixed rate-limit window `request_count` counts in. Deleted with its owner. Constraints named as TypeORM names them, like 001 to 005.

CREATE TABLE IF NOT EXISTS "api_key" (
    "id" TEXT NOT NULL,
    "config_id" TEXT NOT NULL DEFAULT 'default',
    "name" TEXT,
    "start" TEXT,
    "prefix" TEXT,
    "key" TEXT NOT NULL,
    "reference_id" TEXT NOT NULL,
    "refill_interval" DOUBLE PRECISION,
    "refill_amount" DOUBLE PRECISION,
    "last_refill_at" TIMESTAMPTZ,
    "enabled" BOOLEAN NOT NULL DEFAULT TRUE,
    "rate_limit_enabled" BOOLEAN NOT NULL DEFAULT TRUE,
    "rate_limit_time_window" DOUBLE PRECISION,
    "rate_limit_max" DOUBLE PRECISION,
    "request_count" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "request_window" DOUBLE PRECISION,
    "remaining" DOUBLE PRECISION,
    "last_request" TIMESTAMPTZ,
    "expires_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "permissions" TEXT,
    "metadata" TEXT,
    CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"),
    CONSTRAINT "UQ_fb080786c16de6ace7ed0b69f7d" UNIQUE ("key"),
    CONSTRAINT "FK_3d78c51b8caa59b4b0aec8418d2" FOREIGN KEY ("reference_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "IDX_3d78c51b8caa59b4b0aec8418d" ON "api_key" ("reference_id");
