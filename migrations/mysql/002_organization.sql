-- better-auth-entities 002_organization (MySQL 8.0.13+ / MariaDB 10.2+): organization, member, invitation.
-- Same conventions as 001_initial. InnoDB needs an index on every foreign-key column; the ones declared here
-- double as the lookups of listOrganizationsForUser, listInvitations and invitations by email.

CREATE TABLE IF NOT EXISTS organization (
    id VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    logo TEXT NULL,
    metadata TEXT NOT NULL DEFAULT ('{}'),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY `IDX_a08804baa7c5d5427067c49a31` (slug)      -- organization(slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS member (
    id VARCHAR(255) NOT NULL,
    organization_id VARCHAR(255) NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    role VARCHAR(255) NOT NULL DEFAULT 'member',
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY `IDX_e2ca32cb72cafdf81b71062459` (organization_id, user_id),
    KEY `IDX_efc766611e939bdbe6f7088984` (user_id),         -- member(user_id)
    CONSTRAINT `FK_bfadaaab56ae7b5f2d76885d03b` FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE ON UPDATE NO ACTION,
    CONSTRAINT `FK_efc766611e939bdbe6f7088984d` FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS invitation (
    id VARCHAR(255) NOT NULL,
    organization_id VARCHAR(255) NOT NULL,
    email VARCHAR(255) NOT NULL,
    role VARCHAR(255) NOT NULL DEFAULT 'member',
    status VARCHAR(255) NOT NULL DEFAULT 'pending',
    inviter_id VARCHAR(255) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY `IDX_de7c148c7834d738ac7113f3dd` (organization_id), -- invitation(organization_id)
    KEY `IDX_bcb0a0d2333443083582a05cdd` (email),           -- invitation(email)
    KEY `IDX_6a74e98954df622bd19d879f6d` (inviter_id),      -- invitation(inviter_id)
    CONSTRAINT `FK_de7c148c7834d738ac7113f3dd8` FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE ON UPDATE NO ACTION,
    CONSTRAINT `FK_6a74e98954df622bd19d879f6db` FOREIGN KEY (inviter_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
