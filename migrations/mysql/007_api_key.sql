-- better-auth-entities 007_api_key (MySQL/MariaDB): -- the API-key plugin's table (ApiKeyPlugin). One row per key: `key` holds a keyed
-- digest (HMAC under the auth secret), never the key; `start` its first characters for display. `request_window`
-- numbers the fixed rate-limit window `request_count` counts in. Deleted with its owner. Constraints named as TypeORM names them, like 001 to 005.

CREATE TABLE IF NOT EXISTS `api_key` (
    `id` varchar(255) NOT NULL,
    `config_id` varchar(255) NOT NULL DEFAULT 'default',
    `name` varchar(255) NULL,
    `start` varchar(255) NULL,
    `prefix` varchar(255) NULL,
    `key` varchar(255) NOT NULL,
    `reference_id` varchar(255) NOT NULL,
    `refill_interval` DOUBLE NULL,
    `refill_amount` DOUBLE NULL,
    `last_refill_at` DATETIME(6) NULL,
    `enabled` TINYINT NOT NULL DEFAULT 1,
    `rate_limit_enabled` TINYINT NOT NULL DEFAULT 1,
    `rate_limit_time_window` DOUBLE NULL,
    `rate_limit_max` DOUBLE NULL,
    `request_count` DOUBLE NOT NULL DEFAULT 0,
    `request_window` DOUBLE NULL,
    `remaining` DOUBLE NULL,
    `last_request` DATETIME(6) NULL,
    `expires_at` DATETIME(6) NULL,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `permissions` text NULL,
    `metadata` text NULL,
    CONSTRAINT `PK_b1bd840641b8acbaad89c3d8d11` PRIMARY KEY (`id`),
    UNIQUE KEY `IDX_fb080786c16de6ace7ed0b69f7` (`key`),
    KEY `IDX_3d78c51b8caa59b4b0aec8418d` (`reference_id`),
    CONSTRAINT `FK_3d78c51b8caa59b4b0aec8418d2` FOREIGN KEY (`reference_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
