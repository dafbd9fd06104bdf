-- better-auth-entities 006_jwks (SQLite): the JWT plugin's key pairs (JwtPlugin), better-auth's `jwks` table.
-- public_key is a public JWK (published by /jwks); private_key the private JWK sealed with the auth secret.
-- expires_at ends a key's signing (rotation); it stays published for the grace period after.

CREATE TABLE IF NOT EXISTS "jwks" (
    "id" varchar(255) PRIMARY KEY NOT NULL,
    "public_key" text NOT NULL,
    "private_key" text NOT NULL,
    "created_at" datetime(6) NOT NULL,
    "expires_at" datetime(6),
    "alg" varchar(255),
    "crv" varchar(255)
);
