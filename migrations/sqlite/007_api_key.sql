-- better-auth-entities 007_api_key (SQLite): -- the API-key plugin's table (ApiKeyPlugin). One row per key: `key` holds a keyed
-- digest (HMAC under the auth secret), never the key; `start` its first characters for display. `request_window`
-- numbers the fixed rate-limit window `request_count` counts in. Deleted with its owner. Constraints named as TypeORM names them, like 001 to 005.

CREATE TABLE IF NOT EXISTS "api_key" (
    "id" varchar(255) PRIMARY KEY NOT NULL,
    "config_id" varchar(255) NOT NULL DEFAULT 'default',
    "name" varchar(255),
    "start" varchar(255),
    "prefix" varchar(255),
    "key" varchar(255) NOT NULL,
    "reference_id" varchar(255) NOT NULL,
    "refill_interval" real,
    "refill_amount" real,
    "last_refill_at" datetime(6),
    "enabled" BOOLEAN NOT NULL DEFAULT (1),
    "rate_limit_enabled" BOOLEAN NOT NULL DEFAULT (1),
    "rate_limit_time_window" real,
    "rate_limit_max" real,
    "request_count" real NOT NULL DEFAULT 0,
    "request_window" real,
    "remaining" real,
    "last_request" datetime(6),
    "expires_at" datetime(6),
    "created_at" datetime(6) NOT NULL,
    "updated_at" datetime(6) NOT NULL,
    "permissions" text,
    "metadata" text,
    CONSTRAINT "UQ_fb080786c16de6ace7ed0b69f7d" UNIQUE ("key"),
    CONSTRAINT "FK_3d78c51b8caa59b4b0aec8418d2" FOREIGN KEY ("reference_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "IDX_3d78c51b8caa59b4b0aec8418d" ON "api_key" ("reference_id");
