-- better-auth-entities 009_teams (PostgreSQL): teams inside organizations (OrganizationPlugin({ teams: { enabled: true } })).
-- The session's active team and the teams an invitation puts its invitee in, as nullable columns every install
-- gets (the standard fields activeTeamId and teamId); the team and team_member tables, which only an install
-- with teams uses. A team belongs to one organization; a user is in a team at most once.

ALTER TABLE sessions ADD COLUMN IF NOT EXISTS active_team_id TEXT;
ALTER TABLE invitation ADD COLUMN IF NOT EXISTS team_id TEXT;

CREATE TABLE IF NOT EXISTS "team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ,
    CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id"),
    CONSTRAINT "FK_b71618cf6c9cf1d30ff71b0320a" FOREIGN KEY ("organization_id") REFERENCES "organization" ("id") ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS "team_member" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ,
    CONSTRAINT "PK_649680684d72a20d279641469c5" PRIMARY KEY ("id"),
    CONSTRAINT "FK_a1b5b4f5fa1b7f890d0a278748b" FOREIGN KEY ("team_id") REFERENCES "team" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_0724b86622f89c433dee4cd8b17" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

-- Teams are listed per organization; memberships are found by team (the unique pair serves that) and by user.
CREATE INDEX IF NOT EXISTS "IDX_b71618cf6c9cf1d30ff71b0320" ON "team" ("organization_id");
CREATE UNIQUE INDEX IF NOT EXISTS "IDX_34169355c6d1744228f5bb7554" ON "team_member" ("team_id", "user_id");
CREATE INDEX IF NOT EXISTS "IDX_0724b86622f89c433dee4cd8b1" ON "team_member" ("user_id");
