-- better-auth-entities 005_passkey (SQLite): the passkey plugin's table (PasskeyPlugin).
-- One row per registered WebAuthn credential; credential_id is unique (one credential, one user). Constraints
-- named as TypeORM names them, like 001 to 003.

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
    CONSTRAINT "UQ_192d857208b2315375852a6e373" UNIQUE ("credential_id"),
    CONSTRAINT "FK_2cdd8c9fe25bcdab1c4ea3057be" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "IDX_2cdd8c9fe25bcdab1c4ea3057b" ON "passkey" ("user_id");
