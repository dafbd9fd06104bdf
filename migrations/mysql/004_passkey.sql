-- better-auth-entities 004_passkey (MySQL/MariaDB): the passkey plugin's table (PasskeyPlugin).
-- One row per registered WebAuthn credential; credential_id is unique (one credential, one user).

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
    CONSTRAINT `passkey_pkey` PRIMARY KEY (`id`),
    CONSTRAINT `passkey_credential_id_key` UNIQUE (`credential_id`),
    KEY `passkey_user_id_idx` (`user_id`),
    CONSTRAINT `passkey_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
