-- better-auth-entities 006_jwks (PostgreSQL): the JWT plugin's key pairs (JwtPlugin), better-auth's `jwks` table.
-- public_key is a public JWK (published by /jwks); private_key the private JWK sealed with the auth secret.
-- expires_at ends a key's signing (rotation); it stays published for the grace period after. Constraints named
-- as TypeORM names them, like 001 to 005.

CREATE TABLE IF NOT EXISTS "jwks" (
    "id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "private_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "alg" TEXT,
    "crv" TEXT,
    CONSTRAINT "PK_147086b49bf8366682d1a7ca7c1" PRIMARY KEY ("id")
);
