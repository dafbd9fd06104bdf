-- better-auth-entities 004_account_failures (MySQL/MariaDB): the engine's per-account failure counters
-- (src/core/account-failure-limit.ts): wrong passwords and codes counted per account, before each check.
-- Constraints named as TypeORM names them, like 001 to 003.

CREATE TABLE IF NOT EXISTS `account_failures` (
    `id` varchar(255) NOT NULL,
    `key` varchar(255) NOT NULL,
    `count` DOUBLE NOT NULL DEFAULT 0,
    `last_failure` DOUBLE NOT NULL,
    CONSTRAINT `PK_4070db611a38f3bc2a68d3c7cbb` PRIMARY KEY (`id`),
    UNIQUE KEY `IDX_d48de20633a62efa7cd06df4f1` (`key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
