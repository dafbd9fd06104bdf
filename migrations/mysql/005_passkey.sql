-- better-auth-entities 005_passkey (MySQL/MariaDB): the passkey plugin's table (PasskeyPlugin).
-- One row per registered WebAuthn credential; credential_id is unique (one credential, one user). Constraints
-- named as TypeORM names them, like 001 to 003.

CREATE TABLE IF NOT EXISTS `passkey` (
    `id` varchar(255) NOT NULL,
    `name` varchar(255) NULL,
    `public_key` text NOT NULL,
    `user_id` varchar(255) NOT NULL,
    `credential_id` varchar(255) NOT NULL,
    `counter` DOUBLE NOT NULL,
    `device_type` varchar(255) NOT NULL,
    `backed_up` TINYINT NOT NULL,
    `transports` varchar(255) NULL,
    `aaguid` varchar(255) NULL,
    `created_at` DATETIME(6) NULL,
    CONSTRAINT `PK_783e2060d8025abd6a6ca45d2c7` PRIMARY KEY (`id`),
    UNIQUE KEY `IDX_192d857208b2315375852a6e37` (`credential_id`),
    KEY `IDX_2cdd8c9fe25bcdab1c4ea3057b` (`user_id`),
    CONSTRAINT `FK_2cdd8c9fe25bcdab1c4ea3057be` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
