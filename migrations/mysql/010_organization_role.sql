-- better-auth-entities 010_organization_role (MySQL/MariaDB): roles an organization defines at run time
-- (OrganizationPlugin with dynamicAccessControl). better-auth 1.7's organizationRole columns; one role name per
-- organization (the unique key, whose leading column also serves the per-organization reads and the foreign
-- key). Constraints named as TypeORM names them, like 001 to 005.

CREATE TABLE IF NOT EXISTS `organization_role` (
    `id` varchar(255) NOT NULL,
    `organization_id` varchar(255) NOT NULL,
    `role` varchar(255) NOT NULL,
    `permission` text NOT NULL,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NULL,
    CONSTRAINT `PK_898793c988c8e4c37ca9b2214a1` PRIMARY KEY (`id`),
    UNIQUE KEY `IDX_3de54c61c23c80803d5b60d9d0` (`organization_id`, `role`),
    CONSTRAINT `FK_68da939b50b7dc10690d27d09c0` FOREIGN KEY (`organization_id`) REFERENCES `organization` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
