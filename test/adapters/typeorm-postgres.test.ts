import { Column, Entity } from 'typeorm';
import { AuthUser, BaseUser } from 'better-auth-entities/entities';
import { DatabaseUnavailableError, TypeOrmAdapter, UniqueConstraintError } from '../../adapters/typeorm';
import { CLOSED_PORT, createPostgresSchema, withPostgres, type TestDatabase } from '../support/databases';
import { describeTypeOrmBehaviour, describeTypeOrmConformance } from './typeorm-behaviour';

let schema: TestDatabase;
beforeAll(async () => {
  schema = await createPostgresSchema('typeorm');
});
afterAll(() => schema?.drop());

describeTypeOrmConformance('TypeORM PostgreSQL', () => schema.url);
describeTypeOrmBehaviour('PostgreSQL', () => schema.url);

describe('TypeOrmAdapter on PostgreSQL', () => {
  test('connect() to a port nothing listens on fails with DatabaseUnavailableError naming host, port and how to start it', async () => {
    const failure = await TypeOrmAdapter.connect(`postgres://postgres@127.0.0.1:${CLOSED_PORT}/test`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect((failure as Error).message).toMatch(new RegExp(`cannot reach PostgreSQL at 127\\.0\\.0\\.1:${CLOSED_PORT} .*ECONNREFUSED.*Start it .*docker run`));
  });

  test('connect() hands every PoolConfig setting to pg-pool', async () => {
    const pool = { maxConnections: 3, minConnections: 1, acquireTimeoutMs: 1_234, idleTimeoutMs: 5_678, maxLifetimeMs: 90_000 };
    const db = await TypeOrmAdapter.connect(schema.url, {}, { pool });
    try {
      const driverPool = (db.dataSource.driver as unknown as { master: { options: Record<string, unknown> } }).master;
      expect(driverPool.options).toMatchObject({ max: 3, min: 1, connectionTimeoutMillis: 1_234, idleTimeoutMillis: 5_678, maxLifetimeSeconds: 90 });
    } finally {
      await db.close();
    }
  });

  test('a query that gets no free connection within acquireTimeoutMs fails with DatabaseUnavailableError', async () => {
    // The timeout bounds the adapter's first connection too: a second leaves room for a loaded machine (one took over
    // 200 ms to open it), and the query below still waits the timeout out while the transaction holds the connection.
    const db = await TypeOrmAdapter.connect(schema.url, {}, { pool: { maxConnections: 1, acquireTimeoutMs: 1_000 } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const started = new Promise<void>((resolve) => (holding = resolve));
    // The transaction holds the pool's only connection until released.
    const transaction = db.transaction(async () => {
      holding();
      await held;
    });
    try {
      await started;
      const failure = await db.getUserById('anyone').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseUnavailableError);
      expect((failure as Error).message).toMatch(/^PostgreSQL at .* is unavailable \(timeout exceeded when trying to connect\); no pooled connection became free in time/);
    } finally {
      release();
      await transaction;
      await db.close();
    }
  });

  describe('the session lookup as a named prepared statement', () => {
    /** An adapter on one pooled connection, so a statement the test runs lands where the lookup was prepared. */
    async function oneConnection(): Promise<{ db: TypeOrmAdapter; token: string; userId: string }> {
      const db = await TypeOrmAdapter.connect(schema.url, {}, { pool: { maxConnections: 1 } });
      const user = await db.createUser({ email: `prepared-${Date.now()}-${Math.random()}@example.com` });
      const token = `prepared-${user.id}`;
      await db.createSession({ token, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
      expect((await db.getSessionWithUser(token))?.user.id).toBe(user.id); // prepared on the connection now
      return { db, token, userId: user.id };
    }

    test('is sent again, unnamed, when the server no longer knows it (DEALLOCATE, or a pooler in transaction mode)', async () => {
      const { db, token, userId } = await oneConnection();
      try {
        await db.dataSource.query('DEALLOCATE ALL');
        expect((await db.getSessionWithUser(token))?.user.id).toBe(userId);
        await db.dataSource.query('DEALLOCATE ALL');
        expect((await db.getSessionWithUser(token))?.user.id).toBe(userId); // and keeps working unnamed
      } finally {
        await db.deleteUser(userId);
        await db.close();
      }
    });

    test('survives a migration that changes the type of a column it selects while the app runs', async () => {
      const { db, token, userId } = await oneConnection();
      const [column] = await db.dataSource.query(
        "SELECT data_type, character_maximum_length FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'users' AND column_name = 'image'",
      );
      const original = column.data_type === 'character varying' ? `VARCHAR(${column.character_maximum_length})` : String(column.data_type);
      const changed = original === 'text' ? 'VARCHAR(2048)' : 'TEXT';
      try {
        await db.dataSource.query(`ALTER TABLE users ALTER COLUMN image TYPE ${changed}`);
        expect((await db.getSessionWithUser(token))?.user.id).toBe(userId);
        expect((await db.getSessionWithUser(token))?.user.id).toBe(userId);
      } finally {
        await db.dataSource.query(`ALTER TABLE users ALTER COLUMN image TYPE ${original}`);
        await db.deleteUser(userId);
        await db.close();
      }
    });
  });

  describe('on tables made by the seed\'s SQL (TEXT, JSONB, TIMESTAMPTZ, foreign keys)', () => {
    @Entity('users')
    @AuthUser()
    class SeedUser extends BaseUser {
      // No default here: the column's DEFAULT 'free' lives in the SQL alone.
      @Column({ type: 'text' }) plan!: string;
    }

    let seeded: TestDatabase;
    let db: TypeOrmAdapter<SeedUser>;
    beforeAll(async () => {
      seeded = await createPostgresSchema('seed_sql');
      await withPostgres(async (client) => {
        await client.query(`SET search_path TO "${seeded.name}"`);
        await client.query(SEED_SQL);
        await client.query(`ALTER TABLE users ADD COLUMN plan TEXT NOT NULL DEFAULT 'free'`);
        // The seed predates the anonymous plugin: its column comes as shipped migration 008 adds it.
        await client.query(`ALTER TABLE users ADD COLUMN is_anonymous BOOLEAN NOT NULL DEFAULT FALSE`);
      });
      db = await TypeOrmAdapter.connect(seeded.url, { user: SeedUser });
    });
    afterAll(async () => {
      await db?.close();
      await seeded?.drop();
    });

    test('creates fill SQL defaults, store instants in UTC and JSON as jsonb', async () => {
      const user = await db.createUser({ email: 'Ada@Example.com', metadata: { source: 'seed' } });
      expect(user).toMatchObject({ email: 'ada@example.com', plan: 'free', metadata: { source: 'seed' }, emailVerified: false });
      const [raw] = await db.dataSource.query(
        `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS utc, pg_typeof(metadata)::text AS json_type FROM users WHERE id = $1`,
        [user.id],
      );
      expect(raw).toEqual({ utc: user.createdAt.toISOString().slice(0, 23), json_type: 'jsonb' });
    });

    test('unique rules named by the seed\'s constraints come back as UniqueConstraintError with the fields', async () => {
      const user = await db.createUser({ email: 'grace@example.com' });
      await expect(db.createUser({ email: 'GRACE@example.com' })).rejects.toEqual(new UniqueConstraintError('user', ['email']));
      await db.createAccount({ userId: user.id, providerId: 'github', accountId: '42' });
      await expect(db.createAccount({ userId: user.id, providerId: 'github', accountId: '42' })).rejects.toEqual(
        new UniqueConstraintError('account', ['providerId', 'accountId']),
      );
      const org = await db.createOrganization({ name: 'Acme', slug: 'acme' });
      await db.createMember({ organizationId: org.id, userId: user.id });
      await expect(db.createMember({ organizationId: org.id, userId: user.id })).rejects.toEqual(
        new UniqueConstraintError('member', ['organizationId', 'userId']),
      );
    });

    test('sessions join their users, and deleting a user removes what references it', async () => {
      const user = await db.createUser({ email: 'joined@example.com', plan: 'pro' });
      await db.createSession({ token: 'seed-token', userId: user.id, expiresAt: new Date(Date.now() + 60_000) });
      expect((await db.getSessionWithUser('seed-token'))?.user).toMatchObject({ id: user.id, plan: 'pro' });
      const org = await db.createOrganization({ name: 'Beta', slug: 'beta' });
      await db.createInvitation({ organizationId: org.id, email: 'x@example.com', inviterId: user.id, expiresAt: new Date(Date.now() + 60_000) });
      expect(await db.deleteUser(user.id)).toBe(true);
      expect(await db.getSessionByToken('seed-token')).toBeNull();
      expect(await db.listInvitations(org.id)).toEqual([]);
    });
  });
});

/** The seed's migrations/001_initial.sql and 002_organization.sql, as the Rust port ships them, plus our 009's two columns. */
const SEED_SQL = `
CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY, name TEXT, email TEXT UNIQUE, email_verified BOOLEAN NOT NULL DEFAULT FALSE, image TEXT,
    username TEXT UNIQUE, display_username TEXT, two_factor_enabled BOOLEAN NOT NULL DEFAULT FALSE, role TEXT,
    banned BOOLEAN NOT NULL DEFAULT FALSE, ban_reason TEXT, ban_expires TIMESTAMPTZ, metadata JSONB NOT NULL DEFAULT '{}',
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, expires_at TIMESTAMPTZ NOT NULL, token TEXT NOT NULL UNIQUE, ip_address TEXT, user_agent TEXT,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, impersonated_by TEXT, active_organization_id TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE, created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
CREATE TABLE IF NOT EXISTS accounts (
    id TEXT PRIMARY KEY, account_id TEXT NOT NULL, provider_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, access_token TEXT, refresh_token TEXT, id_token TEXT,
    access_token_expires_at TIMESTAMPTZ, refresh_token_expires_at TIMESTAMPTZ, scope TEXT, password TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), UNIQUE(provider_id, account_id));
CREATE TABLE IF NOT EXISTS verifications (
    id TEXT PRIMARY KEY, identifier TEXT NOT NULL, value TEXT NOT NULL, expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
CREATE TABLE IF NOT EXISTS organization (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE, logo TEXT, metadata JSONB NOT NULL DEFAULT '{}',
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
CREATE TABLE IF NOT EXISTS member (
    id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, role TEXT NOT NULL DEFAULT 'member',
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), UNIQUE(organization_id, user_id));
CREATE TABLE IF NOT EXISTS invitation (
    id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE, email TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member', status TEXT NOT NULL DEFAULT 'pending',
    inviter_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
-- What 009_teams adds to the seed's tables (the standard fields activeTeamId and teamId of the base classes).
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS active_team_id TEXT;
ALTER TABLE invitation ADD COLUMN IF NOT EXISTS team_id TEXT;
`;
