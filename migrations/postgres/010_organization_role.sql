-- better-auth-entities 010_organization_role (PostgreSQL): roles an organization defines at run time
-- (OrganizationPlugin with dynamicAccessControl). better-auth 1.7's organizationRole columns; one role name per
-- organization (the unique index, whose leading column also serves the per-organization reads and the
-- foreign key). Constraints named as TypeORM names them, like 001 to 005.

CREATE TABLE IF NOT EXISTS "organization_role" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "permission" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ,
    CONSTRAINT "PK_898793c988c8e4c37ca9b2214a1" PRIMARY KEY ("id"),
    CONSTRAINT "FK_68da939b50b7dc10690d27d09c0" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX IF NOT EXISTS "IDX_3de54c61c23c80803d5b60d9d0" ON "organization_role" ("organization_id", "role");
