-- better-auth-entities 006_jwks (MySQL/MariaDB): the JWT plugin's key pairs (JwtPlugin), better-auth's `jwks` table.
-- public_key is a public JWK (published by /jwks); private_key the private JWK sealed with the auth secret.
-- expires_at ends a key's signing (rotation); it stays published for the grace period after. Constraints named
-- as TypeORM names them, like 001 to 005.

CREATE TABLE IF NOT EXISTS `jwks` (
    `id` varchar(255) NOT NULL,
    `public_key` text NOT NULL,
    `private_key` text NOT NULL,
    `created_at` DATETIME(6) NOT NULL,
    `expires_at` DATETIME(6) NULL,
    `alg` varchar(255) NULL,
    `crv` varchar(255) NULL,
    CONSTRAINT `PK_147086b49bf8366682d1a7ca7c1` PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
