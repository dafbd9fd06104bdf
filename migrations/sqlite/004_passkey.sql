-- better-auth-entities 004_passkey (SQLite): the passkey plugin's table (PasskeyPlugin).
-- One row per registered WebAuthn credential; credential_id is unique (one credential, one user).

CREATE TABLE IF NOT EXISTS "passkey" (
    "id" varchar(255) PRIMARY KEY NOT NULL,
    "name" varchar(255),
    "public_key" text NOT NULL,
    "user_id" varchar(255) NOT NULL,
    "credential_id" varchar(255) NOT NULL,
    "counter" real NOT NULL,
    "device_type" varchar(255) NOT NULL,
    "backed_up" BOOLEAN NOT NULL,
    "transports" varchar(255),
    "aaguid" varchar(255),
    "created_at" datetime(6),
    CONSTRAINT "passkey_credential_id_key" UNIQUE ("credential_id"),
    CONSTRAINT "passkey_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "passkey_user_id_idx" ON "passkey" ("user_id");
