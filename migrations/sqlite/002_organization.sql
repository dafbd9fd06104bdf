-- better-auth-entities 002_organization (SQLite): organization, member, invitation.
-- Same conventions as 001_initial.

CREATE TABLE IF NOT EXISTS organization (
    id varchar(255) PRIMARY KEY NOT NULL,
    name varchar(255) NOT NULL,
    slug varchar(255) NOT NULL,
    logo text,
    metadata text NOT NULL DEFAULT ('{}'),
    created_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    updated_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    CONSTRAINT "UQ_a08804baa7c5d5427067c49a31f" UNIQUE ("slug")      -- organization(slug)
);

CREATE TABLE IF NOT EXISTS member (
    id varchar(255) PRIMARY KEY NOT NULL,
    organization_id varchar(255) NOT NULL,
    user_id varchar(255) NOT NULL,
    role varchar(255) NOT NULL DEFAULT ('member'),
    created_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    CONSTRAINT "FK_bfadaaab56ae7b5f2d76885d03b" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
    CONSTRAINT "FK_efc766611e939bdbe6f7088984d" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
);

CREATE TABLE IF NOT EXISTS invitation (
    id varchar(255) PRIMARY KEY NOT NULL,
    organization_id varchar(255) NOT NULL,
    email varchar(255) NOT NULL,
    role varchar(255) NOT NULL DEFAULT ('member'),
    status varchar(255) NOT NULL DEFAULT ('pending'),
    inviter_id varchar(255) NOT NULL,
    expires_at datetime(6) NOT NULL,
    created_at datetime(6) NOT NULL DEFAULT (datetime('now')),
    CONSTRAINT "FK_de7c148c7834d738ac7113f3dd8" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
    CONSTRAINT "FK_6a74e98954df622bd19d879f6db" FOREIGN KEY ("inviter_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
);

-- One membership per user and organization; it also serves lookups by organization_id.
CREATE UNIQUE INDEX IF NOT EXISTS "IDX_e2ca32cb72cafdf81b71062459" ON member (organization_id, user_id);
-- listOrganizationsForUser and the cascade from users need member.user_id on its own. Invitations are listed per
-- organization and looked up by email; the cascade from users goes through inviter_id.
CREATE INDEX IF NOT EXISTS "IDX_efc766611e939bdbe6f7088984" ON member (user_id);
CREATE INDEX IF NOT EXISTS "IDX_de7c148c7834d738ac7113f3dd" ON invitation (organization_id);
CREATE INDEX IF NOT EXISTS "IDX_bcb0a0d2333443083582a05cdd" ON invitation (email);
CREATE INDEX IF NOT EXISTS "IDX_6a74e98954df622bd19d879f6d" ON invitation (inviter_id);
