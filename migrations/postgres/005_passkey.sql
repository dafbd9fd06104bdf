-- better-auth-entities 005_passkey (PostgreSQL): the passkey plugin's table (PasskeyPlugin).
-- One row per registered WebAuthn credential; credential_id is unique (one credential, one user). Constraints
-- named as TypeORM names them, like 001 to 003.

CREATE TABLE IF NOT EXISTS "passkey" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "public_key" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "credential_id" TEXT NOT NULL,
    "counter" DOUBLE PRECISION NOT NULL,
    "device_type" TEXT NOT NULL,
    "backed_up" BOOLEAN NOT NULL,
    "transports" TEXT,
    "aaguid" TEXT,
    "created_at" TIMESTAMPTZ,
    CONSTRAINT "PK_783e2060d8025abd6a6ca45d2c7" PRIMARY KEY ("id"),
    CONSTRAINT "UQ_192d857208b2315375852a6e373" UNIQUE ("credential_id"),
    CONSTRAINT "FK_2cdd8c9fe25bcdab1c4ea3057be" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "IDX_2cdd8c9fe25bcdab1c4ea3057b" ON "passkey" ("user_id");
