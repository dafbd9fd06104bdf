-- better-auth-entities 010_organization_role (SQLite): roles an organization defines at run time
-- (OrganizationPlugin with dynamicAccessControl). better-auth 1.7's organizationRole columns; one role name per
-- organization (the unique index, whose leading column also serves the per-organization reads). Constraints
-- named as TypeORM names them, like 001 to 005.

CREATE TABLE IF NOT EXISTS "organization_role" (
    "id" varchar(255) PRIMARY KEY NOT NULL,
    "organization_id" varchar(255) NOT NULL,
    "role" varchar(255) NOT NULL,
    "permission" text NOT NULL,
    "created_at" datetime(6) NOT NULL,
    "updated_at" datetime(6),
    CONSTRAINT "FK_68da939b50b7dc10690d27d09c0" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX IF NOT EXISTS "IDX_3de54c61c23c80803d5b60d9d0" ON "organization_role" ("organization_id", "role");
