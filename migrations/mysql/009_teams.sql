-- better-auth-entities 009_teams (MySQL/MariaDB): teams inside organizations (OrganizationPlugin({ teams: { enabled: true } })).
-- The session's active team and the teams an invitation puts its invitee in, as nullable columns every install
-- gets (the standard fields activeTeamId and teamId); the team and team_member tables, which only an install
-- with teams uses. A team belongs to one organization; a user is in a team at most once.

ALTER TABLE sessions ADD COLUMN active_team_id VARCHAR(255) NULL;
ALTER TABLE invitation ADD COLUMN team_id VARCHAR(255) NULL;

CREATE TABLE IF NOT EXISTS `team` (
    `id` varchar(255) NOT NULL,
    `name` varchar(255) NOT NULL,
    `organization_id` varchar(255) NOT NULL,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NULL,
    PRIMARY KEY (`id`),
    -- Teams are listed per organization.
    KEY `IDX_b71618cf6c9cf1d30ff71b0320` (`organization_id`),
    CONSTRAINT `FK_b71618cf6c9cf1d30ff71b0320a` FOREIGN KEY (`organization_id`) REFERENCES `organization` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS `team_member` (
    `id` varchar(255) NOT NULL,
    `team_id` varchar(255) NOT NULL,
    `user_id` varchar(255) NOT NULL,
    `created_at` DATETIME(6) NULL,
    PRIMARY KEY (`id`),
    -- A user is in a team at most once; the pair also serves lookups by team.
    UNIQUE KEY `IDX_34169355c6d1744228f5bb7554` (`team_id`, `user_id`),
    KEY `IDX_0724b86622f89c433dee4cd8b1` (`user_id`),
    CONSTRAINT `FK_a1b5b4f5fa1b7f890d0a278748b` FOREIGN KEY (`team_id`) REFERENCES `team` (`id`) ON DELETE CASCADE,
    CONSTRAINT `FK_0724b86622f89c433dee4cd8b17` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
