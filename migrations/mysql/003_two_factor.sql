-- better-auth-entities 003_two_factor (MySQL/MariaDB): the two-factor plugin's table (TwoFactorPlugin).
-- Default names (constraints named as TypeORM names them, like 001 and 002); apps that rename the table or its
-- columns (TwoFactorPlugin schema option) write `generate`'s output instead.

CREATE TABLE IF NOT EXISTS `two_factor` (
    `id` varchar(255) NOT NULL,
    `secret` text NOT NULL,
    `backup_codes` text NOT NULL,
    `user_id` varchar(255) NOT NULL,
    `verified` TINYINT NOT NULL DEFAULT 1,
    `failed_verification_count` DOUBLE NOT NULL DEFAULT 0,
    `locked_until` DATETIME(6) NULL,
    `last_totp_step` DOUBLE NULL,
    CONSTRAINT `PK_d9e707ebc943c110fcaab7cdd8c` PRIMARY KEY (`id`),
    KEY `IDX_162c7f53b41b84102a8e06eff1` (`user_id`),
    CONSTRAINT `FK_162c7f53b41b84102a8e06eff18` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
